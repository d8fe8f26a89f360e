import { initTRPC } from '@trpc/server'
import { z, ZodError } from 'zod'
import type { Context } from './context'

const t = initTRPC.context<Context>().create({
  /**
   * Zod-aware errors: a bad input comes back as BAD_REQUEST with a readable message
   * and `data.fieldErrors` keyed by field, so forms can show each problem where it is.
   */
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : undefined
    return {
      ...shape,
      message: zodError ? z.prettifyError(zodError) : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : undefined,
      },
    }
  },
})

export const router = t.router
export const middleware = t.middleware
export const createCallerFactory = t.createCallerFactory

/** Logs unexpected failures with the request id; expected refusals (4xx) are left to the caller. */
const logUnexpected = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next()
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.logger.error({ err: result.error.cause ?? result.error, path, type, requestId: ctx.requestId }, 'procedure failed')
  }
  return result
})

/** Anyone may call it. */
export const publicProcedure = t.procedure.use(logUnexpected)
