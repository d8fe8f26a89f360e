import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  TimeoutFailure,
  upsertSearchAttributes,
} from '@temporalio/workflow'
import { AMOUNT_MINOR_ATTRIBUTE, ORDER_STATUS_ATTRIBUTE } from '../checkout'
import {
  GATEWAY_REFUSED_REFUND,
  type RefundActivities,
  type RefundInput,
  type RefundOutcome,
} from '../refund'

const db = proxyActivities<RefundActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
})

// A failing gateway (or its open circuit breaker) is waited out with back-off for up to a day;
// a final refusal is not retried.
const gateway = proxyActivities<RefundActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '24 hours',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: [GATEWAY_REFUSED_REFUND],
  },
})

function refusalMessage(error: unknown): string | undefined {
  if (!(error instanceof ActivityFailure)) return undefined
  const cause = error.cause
  if (cause instanceof ApplicationFailure && cause.type === GATEWAY_REFUSED_REFUND) {
    return cause.message
  }
  if (cause instanceof TimeoutFailure) {
    return 'The payment gateway stayed unavailable for a day; the refund was not made.'
  }
  return undefined
}

/** Refunds at the gateway; a final refusal (or a day of outage) comes back as a message. */
async function refundAtGateway(
  input: Parameters<RefundActivities['refundPayment']>[0],
): Promise<{ ok: true; gatewayRefundId: string } | { ok: false; message: string }> {
  try {
    const result = await gateway.refundPayment(input)
    if (result.status === 'failed') {
      return { ok: false, message: 'The payment gateway refused the refund.' }
    }
    return { ok: true, gatewayRefundId: result.gatewayRefundId }
  } catch (error) {
    const message = refusalMessage(error)
    if (message === undefined) throw error
    return { ok: false, message }
  }
}

/**
 * Refunds an order in full or in part, by amount or by items: holds the amount in the database
 * (never more than captured), refunds at the gateway, then settles (restock when chosen, order
 * status, history, outbox) — or gives the hold back when the gateway refuses.
 */
export async function refundWorkflow(input: RefundInput): Promise<RefundOutcome> {
  const reservation = await db.reserveRefund(input)
  if (!reservation.ok) {
    return { status: 'refused', code: reservation.code, message: reservation.message }
  }
  const { refundId } = reservation
  // Since this patch the refund's amount and the order's status after it are searchable too.
  const searchable = patched('refund-search-attributes')
  if (searchable)
    upsertSearchAttributes([{ key: AMOUNT_MINOR_ATTRIBUTE, value: reservation.amountMinor }])
  if (reservation.status === 'failed') {
    return { status: 'failed', refundId, message: 'This refund request failed earlier.' }
  }
  let gatewayRefundId = ''
  // A request already refunded (found again by its key) only needs settling, which is idempotent.
  if (reservation.status === 'pending') {
    const refunded = await refundAtGateway({
      refundId,
      intentId: reservation.intentId,
      amountMinor: reservation.amountMinor,
      currency: reservation.currency,
      reason: input.reason,
    })
    if (!refunded.ok) {
      await db.failRefund({ refundId, message: refunded.message })
      return { status: 'failed', refundId, message: refunded.message }
    }
    gatewayRefundId = refunded.gatewayRefundId
  }
  const settled = await db.completeRefund({ refundId, gatewayRefundId, actor: input.actor })
  if (searchable)
    upsertSearchAttributes([{ key: ORDER_STATUS_ATTRIBUTE, value: settled.orderStatus }])
  return {
    status: 'succeeded',
    refundId,
    amount: { amount: reservation.amountMinor, currency: reservation.currency },
    orderStatus: settled.orderStatus,
    restockedUnits: settled.restockedUnits,
  }
}
