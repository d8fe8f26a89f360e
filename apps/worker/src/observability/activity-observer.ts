import {
  activityDuration,
  checkoutOutcomes,
  reservationConflicts,
  withLogContext,
  type Logger,
} from '@emporium/infra'
import { requestIdOf } from '@emporium/workflows'
import { ApplicationFailure } from '@temporalio/common'
import type { ActivityInterceptorsFactory } from '@temporalio/worker'

/**
 * Refusals that end a checkout before it has an order (so no `cancelOrder` follows), by the
 * activity that makes them; `reserveInventory`'s `sold_out` is also a reservation conflict.
 */
const REFUSALS_BEFORE_ORDER: Record<string, string[]> = {
  validateCart: ['cart_invalid'],
  reserveInventory: ['sold_out'],
  createOrder: ['coupon_unavailable'],
}

/** Business outcomes read off checkout activities: paid, cancelled (with the reason), a lost stock race. */
function recordBusinessOutcome(
  activityType: string,
  args: unknown[],
  result: unknown,
  error: unknown,
) {
  if (error !== undefined) {
    const code = error instanceof ApplicationFailure && error.nonRetryable ? error.type : undefined
    if (!code || !REFUSALS_BEFORE_ORDER[activityType]?.includes(code)) return
    checkoutOutcomes.inc({ outcome: 'cancelled', reason: code })
    if (code === 'sold_out') reservationConflicts.inc({ code })
    return
  }
  if (activityType === 'markOrderPaid') checkoutOutcomes.inc({ outcome: 'paid', reason: '' })
  if (activityType === 'cancelOrder' && (result as { cancelled?: unknown }).cancelled === true) {
    const reason = (args[0] as { reason?: unknown } | undefined)?.reason
    checkoutOutcomes.inc({ outcome: 'cancelled', reason: typeof reason === 'string' ? reason : '' })
  }
}

/**
 * Activity interceptor of every Emporium worker: runs each activity inside a log context (request
 * id from the workflow's header, workflow and run id, activity type and attempt), logs its end,
 * and records its latency and business outcome as Prometheus metrics.
 */
export function activityObserver(logger: Logger): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const { info } = ctx
        const fields = {
          requestId: requestIdOf(input.headers),
          workflowId: info.workflowExecution?.workflowId,
          runId: info.workflowExecution?.runId,
          activityType: info.activityType,
          activityId: info.activityId,
          attempt: info.attempt,
        }
        return withLogContext(fields, async () => {
          const started = performance.now()
          const seconds = () => (performance.now() - started) / 1000
          try {
            const result = await next(input)
            activityDuration.observe(
              { activity_type: info.activityType, outcome: 'completed' },
              seconds(),
            )
            recordBusinessOutcome(info.activityType, input.args, result, undefined)
            logger.debug({ durationMs: Math.round(seconds() * 1000) }, 'activity completed')
            return result
          } catch (error) {
            activityDuration.observe(
              { activity_type: info.activityType, outcome: 'failed' },
              seconds(),
            )
            recordBusinessOutcome(info.activityType, input.args, undefined, error)
            logger.warn({ err: error, durationMs: Math.round(seconds() * 1000) }, 'activity failed')
            throw error
          }
        })
      },
    },
  })
}
