import type { IncomingMessage } from 'node:http'
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { TRPCError } from '@trpc/server'

const tracer = trace.getTracer('@emporium/api')

interface TracedCall<R> {
  ctx: { requestId: string; req?: IncomingMessage | undefined }
  path: string
  type: string
  next: () => Promise<R>
}

/**
 * tRPC middleware body: one server span per procedure call (`trpc <path>`), continuing the
 * caller's trace when the request carries a `traceparent` header, with the request id and the
 * outcome (tRPC code) as attributes; server-side failures mark the span as an error. Every span
 * started while the procedure runs (PostgreSQL queries, workflow starts) is its child.
 */
export function traceProcedure<R extends { ok: boolean }>({
  ctx,
  path,
  type,
  next,
}: TracedCall<R>): Promise<R> {
  const parent = propagation.extract(context.active(), ctx.req?.headers ?? {})
  const attributes = {
    'rpc.system': 'trpc',
    'rpc.method': path,
    'trpc.type': type,
    'emporium.request_id': ctx.requestId,
  }
  return tracer.startActiveSpan(
    `trpc ${path}`,
    { kind: SpanKind.SERVER, attributes },
    parent,
    async (span) => {
      try {
        const result = await next()
        const error = result.ok ? undefined : (result as unknown as { error: TRPCError }).error
        span.setAttribute('trpc.code', error?.code ?? 'OK')
        if (error && getHTTPStatusCodeFromError(error) >= 500)
          span.setStatus({ code: SpanStatusCode.ERROR, message: error.message })
        return result
      } finally {
        span.end()
      }
    },
  )
}
