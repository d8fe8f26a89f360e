import {
  apiErrors,
  apiRequestDuration,
  apiRequests,
  withLogContext,
  type Logger,
} from '@emporium/infra'

interface ObservedCall<R> {
  ctx: { requestId: string; logger: Logger }
  path: string
  type: string
  next: () => Promise<R>
}

/**
 * tRPC middleware body: runs the procedure inside the request's log context (so its log lines and
 * the workflows it starts carry the request id), logs its end, and records count, latency and
 * error code as Prometheus metrics.
 */
export function observeProcedure<R extends { ok: boolean }>({
  ctx,
  path,
  type,
  next,
}: ObservedCall<R>): Promise<R> {
  return withLogContext({ requestId: ctx.requestId }, async () => {
    const stopTimer = apiRequestDuration.startTimer({ procedure: path, type })
    const result = await next()
    const seconds = stopTimer()
    const code = result.ok
      ? 'OK'
      : ((result as { error?: { code?: string } }).error?.code ?? 'UNKNOWN')
    apiRequests.inc({ procedure: path, type, code })
    if (!result.ok) apiErrors.inc({ procedure: path, code })
    ctx.logger.info(
      { path, type, code, durationMs: Math.round(seconds * 1000) },
      'procedure completed',
    )
    return result
  })
}
