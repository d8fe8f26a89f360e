import {
  completeStrayChargeRefund,
  listPaymentsToReconcile,
  recordReconciliationFinding,
  reserveStrayChargeRefund,
  resolveReconciliationFindings,
  type FindingInput,
  type PaymentToReconcile,
} from '@emporium/db'
import type { OrderStatus } from '@emporium/domain'
import {
  GatewayUnavailableError,
  type Logger,
  type PaymentGateway,
  type PaymentState,
} from '@emporium/infra'
import {
  paymentResultSignal,
  type PaymentReconciliationActivities,
  type ReconcileBatchResult,
} from '@emporium/workflows'
import { getClient } from '@temporalio/activity'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import type { WorkerDeps } from '../deps'

/** Orders whose money has been taken (refunds keep the intent "succeeded" at the gateway). */
const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'partially_refunded',
  'refunded',
])

type Verdict =
  | { kind: 'consistent' }
  | { kind: 'skip' }
  | { kind: 'refund' }
  | { kind: 'finding'; finding: FindingInput }

/** Hands a succeeded payment to its running checkout; false when the checkout has ended (or never ran). */
async function signalCheckout(client: Client, payment: PaymentToReconcile): Promise<boolean> {
  if (!payment.checkoutWorkflowId) return false
  try {
    const handle = client.workflow.getHandle(payment.checkoutWorkflowId)
    const description = await handle.describe()
    if (description.status.name !== 'RUNNING') return false
    await handle.signal(paymentResultSignal, {
      intentId: payment.intentId,
      status: 'succeeded',
      occurredAt: Date.now(),
    })
    return true
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false
    throw error
  }
}

async function judge(
  client: Client,
  payment: PaymentToReconcile,
  state: PaymentState | 'unknown',
): Promise<Verdict> {
  const gatewayStatus = state === 'unknown' ? 'unknown' : state.status
  const base = {
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    gatewayStatus,
    orderStatus: payment.orderStatus,
  }
  const paid = PAID_STATUSES.has(payment.orderStatus)
  if (gatewayStatus === 'succeeded' && payment.orderStatus === 'cancelled') {
    // Money taken for an order that will not ship: give it back (once refunded, all agree).
    return payment.refundedMinor >= payment.amountMinor
      ? { kind: 'consistent' }
      : { kind: 'refund' }
  }
  if (gatewayStatus === 'succeeded' && !paid) {
    if (payment.orderStatus === 'pending' && (await signalCheckout(client, payment))) {
      return {
        kind: 'finding',
        finding: {
          ...base,
          kind: 'gateway_succeeded_order_unpaid',
          action: 'signalled_checkout',
          detail: `Payment ${payment.intentId} succeeded at the gateway; its running checkout was told.`,
        },
      }
    }
    return {
      kind: 'finding',
      finding: {
        ...base,
        kind: 'gateway_succeeded_order_unpaid',
        action: 'flagged',
        detail: `Payment ${payment.intentId} succeeded but the order write failed (order still ${payment.orderStatus}, checkout no longer running): confirm or refund it.`,
      },
    }
  }
  if (paid && gatewayStatus !== 'succeeded') {
    return {
      kind: 'finding',
      finding: {
        ...base,
        kind: 'order_paid_gateway_not_succeeded',
        action: 'flagged',
        detail: `Order is ${payment.orderStatus} but the gateway reports payment ${payment.intentId} as ${gatewayStatus}: hold fulfilment and check the payment.`,
      },
    }
  }
  // A pending gateway state with an unpaid order is a checkout still deciding: nothing to say.
  if (gatewayStatus === 'unknown' || gatewayStatus === 'pending') return { kind: 'skip' }
  return { kind: 'consistent' }
}

/** Activities of paymentReconciliationWorkflow, over the database, the gateway and Temporal. */
export function createPaymentReconciliationActivities({
  db,
  logger,
  paymentGateway,
}: Pick<WorkerDeps, 'db'> & {
  logger: Logger
  paymentGateway: PaymentGateway
}): PaymentReconciliationActivities {
  /**
   * Refunds a charge that succeeded after its order was cancelled: reserved in the database first,
   * then sent under a fixed idempotency key (a retried sweep cannot refund twice), then settled.
   */
  async function refundStrayCharge(payment: PaymentToReconcile): Promise<boolean> {
    const refund = await reserveStrayChargeRefund(db, payment.paymentId)
    if (!refund) return false
    const result = await paymentGateway.refund({
      intentId: payment.intentId,
      amount: { amount: refund.amountMinor, currency: refund.currency },
      idempotencyKey: refund.idempotencyKey,
    })
    if (result.status === 'failed') {
      // The gateway refused to give the money back: a person has to.
      await recordReconciliationFinding(db, {
        paymentId: payment.paymentId,
        orderId: payment.orderId,
        kind: 'gateway_succeeded_order_unpaid',
        action: 'flagged',
        gatewayStatus: 'succeeded',
        orderStatus: payment.orderStatus,
        detail: `Payment ${payment.intentId} succeeded after the order was cancelled and the gateway refused its refund: refund it by hand.`,
      })
      return false
    }
    const applied = await completeStrayChargeRefund(db, {
      refundId: refund.refundId,
      gatewayRefundId: result.refundId,
      intentId: payment.intentId,
    })
    logger.warn(
      { orderId: payment.orderId, intentId: payment.intentId, amountMinor: refund.amountMinor },
      'refunded a payment that succeeded after its order was cancelled',
    )
    return applied
  }

  return {
    async reconcilePaymentBatch({ sinceMs, untilMs, limit, after, orderIds }) {
      const payments = await listPaymentsToReconcile(db, {
        since: new Date(sinceMs),
        until: new Date(untilMs),
        limit,
        after,
        ...(orderIds ? { orderIds } : {}),
      })
      const result: ReconcileBatchResult = {
        checked: 0,
        signalled: 0,
        flagged: 0,
        refunded: 0,
        resolved: 0,
        next: null,
      }
      const client = getClient()
      for (const payment of payments) {
        // Another gateway's payments (e.g. Stripe ones while this worker runs the test gateway) cannot be checked here.
        if (payment.gateway !== paymentGateway.name) continue
        let state: PaymentState | 'unknown'
        try {
          state = await paymentGateway.getPayment(payment.intentId)
        } catch (error) {
          // An outage (or the open circuit) fails the batch, to be retried; anything else means the
          // gateway does not know this payment.
          if (error instanceof GatewayUnavailableError) throw error
          logger.warn({ err: error, intentId: payment.intentId }, 'payment unknown to the gateway')
          state = 'unknown'
        }
        result.checked += 1
        const verdict = await judge(client, payment, state)
        if (verdict.kind === 'refund') {
          if (await refundStrayCharge(payment)) result.refunded += 1
        } else if (verdict.kind === 'consistent') {
          result.resolved += await resolveReconciliationFindings(db, payment.paymentId)
        } else if (verdict.kind === 'finding') {
          const recorded = await recordReconciliationFinding(db, verdict.finding)
          if (verdict.finding.action === 'signalled_checkout') result.signalled += 1
          else if (recorded) result.flagged += 1
          if (recorded) logger.warn({ ...verdict.finding }, 'payment reconciliation finding')
        }
      }
      const last = payments.at(-1)
      if (last && payments.length === limit) {
        result.next = { createdAt: last.cursorAt, paymentId: last.paymentId }
      }
      return result
    },
  }
}
