import { initTRPC, TRPCError } from '@trpc/server'
import { z, ZodError } from 'zod'
import type { Context } from './context'
import { observeProcedure } from './observability/observe-procedure'
import { traceProcedure } from './observability/trace-procedure'
import { crossSiteRefusal } from './protection/origin-check'
import { refuseNulCharacters } from './protection/nul-characters'
import { consumeOrThrow } from './protection/rate-limits'

/** What a procedure declares about itself; the authorization matrix test reads `access`. */
export interface Meta {
  access: 'public' | 'authed' | 'seller' | 'admin'
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    defaultMeta: { access: 'public' },
    /**
     * Zod-aware errors: a bad input comes back as BAD_REQUEST with a readable message
     * and `data.fieldErrors` keyed by field, so forms can show each problem where it is.
     */
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : undefined
      const retry = (error.cause as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
      return {
        ...shape,
        message: zodError ? z.prettifyError(zodError) : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : undefined,
          retryAfterSeconds: typeof retry === 'number' ? retry : undefined,
        },
      }
    },
  })

export const router = t.router
export const mergeRouters = t.mergeRouters
export const middleware = t.middleware
export const createCallerFactory = t.createCallerFactory

/** Logs unexpected failures with the request id; expected refusals (4xx) are left to the caller. */
const logUnexpected = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next()
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.logger.error(
      { err: result.error.cause ?? result.error, path, type, requestId: ctx.requestId },
      'procedure failed',
    )
  }
  return result
})

/** Request id in every log line and started workflow; per-procedure metrics. */
const observe = t.middleware(observeProcedure)

/** A trace span per procedure call (see trace-procedure.ts). */
const traced = t.middleware(traceProcedure)

/** Per-IP limit on every call, and the cross-site check on every mutation. */
const guard = t.middleware(async ({ ctx, type, next }) => {
  await consumeOrThrow(ctx.rateLimiters.publicPerIp, ctx.ip, 'requests')
  if (type === 'mutation') {
    const refusal = crossSiteRefusal(ctx.req, ctx.allowedOrigins, ctx.session?.via === 'cookie')
    if (refusal)
      throw new TRPCError({ code: 'FORBIDDEN', message: `Cross-site request refused: ${refusal}.` })
  }
  return next()
})

/** Text cannot hold NUL characters (PostgreSQL refuses them): a typed 400 naming the field instead of a 500. */
const noNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  refuseNulCharacters(await getRawInput())
  return next()
})

/** Anyone may call it. */
export const publicProcedure = t.procedure
  .use(traced)
  .use(observe)
  .use(logUnexpected)
  .use(guard)
  .use(noNulCharacters)
  .meta({ access: 'public' })

/** Signed-in users only; narrows `ctx.session` to non-null. */
export const authedProcedure = publicProcedure.meta({ access: 'authed' }).use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' })
  return next({ ctx: { session: ctx.session } })
})

/** Sellers with an approved store; `ctx.seller` is the caller's own store, the only one they may touch. */
export const sellerProcedure = authedProcedure.meta({ access: 'seller' }).use(({ ctx, next }) => {
  const seller = ctx.session.seller
  if (!seller || ctx.session.role !== 'seller') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only sellers can do this. Open a store first.',
    })
  }
  if (seller.status !== 'approved') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        seller.status === 'pending'
          ? 'Your store is waiting for approval.'
          : 'Your store is suspended.',
    })
  }
  return next({ ctx: { seller } })
})

/** Administrators only. */
export const adminProcedure = authedProcedure.meta({ access: 'admin' }).use(({ ctx, next }) => {
  if (ctx.session.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Administrators only.' })
  return next()
})
