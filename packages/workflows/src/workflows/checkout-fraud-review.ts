import {
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow'
import { ORDER_STATUS_ATTRIBUTE, type CheckoutTimeouts } from '../checkout'
import type { CheckoutMoney } from '../checkout-activities'
import {
  fraudReviewSignal,
  type FraudReviewActivities,
  type FraudReviewDecision,
} from '../fraud-review'
import { CheckoutFailed, type CheckoutState } from './checkout-payment'

// Screening reads the database: bounded retries, then the checkout compensates (fails closed).
const screening = proxyActivities<FraudReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 5,
  },
})
// Recording the decision must land: retried without limit, with back-off.
const settling = proxyActivities<FraudReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
})

export const REVIEW_REJECTED_MESSAGE =
  'Your order could not be accepted after a security review and was cancelled; nothing was charged.'
export const REVIEW_EXPIRED_MESSAGE =
  'Your order could not be reviewed in time and was cancelled; nothing was charged.'

/**
 * Screens the created order before anything is charged. A risky order is held (stage
 * `held_for_review`, order status attribute `held_for_review`) until the first administrator's
 * decision: approve returns and the checkout goes on to payment; reject, the review timeout and
 * the shopper's cancel throw, and the saga cancels the order and releases its stock.
 */
export async function screenForFraud(
  state: CheckoutState,
  order: {
    /** The checkout's reservation owner, and how long a held order's stock stays reserved. */
    ownerKey: string
    holdReservationUntilMs: number
    orderId: string
    userId: string
    checkoutWorkflowId: string
    clientIp: string | null
    billingAddressId: string | null
    shippingCountry: string
    total: CheckoutMoney
  },
  timeouts: CheckoutTimeouts,
  describe: (text: string) => void,
): Promise<void> {
  let decision: FraudReviewDecision | null = null
  setHandler(fraudReviewSignal, (signal) => {
    const valid = signal.decision === 'approve' || signal.decision === 'reject'
    if (decision === null && valid) decision = signal
  })
  const verdict = await screening.screenOrder({
    ...order,
    paymentMethodToken: state.paymentMethodToken,
  })
  if (!verdict.held) return

  state.setStage('held_for_review')
  upsertSearchAttributes([{ key: ORDER_STATUS_ATTRIBUTE, value: 'held_for_review' }])
  describe(`held for fraud review (score ${verdict.score})`)
  await condition(
    () => decision !== null || state.cancelReason !== null,
    timeouts.fraudReviewTimeoutMs,
  )
  await condition(() => !state.cancelling)
  const settle = (
    status: 'approved' | 'rejected' | 'expired' | 'cancelled',
    by: FraudReviewDecision | null,
  ) =>
    settling.settleFraudReview({
      orderId: order.orderId,
      status,
      adminId: by?.adminId ?? null,
      note: by?.note ?? null,
    })
  // A cancel the shopper was told is accepted stands, whatever an administrator says after it.
  if (state.cancelReason !== null) {
    await settle('cancelled', null)
    await state.settleCancel()
  }
  const decided = decision as FraudReviewDecision | null
  if (decided?.decision === 'approve') {
    await settle('approved', decided)
    upsertSearchAttributes([{ key: ORDER_STATUS_ATTRIBUTE, value: 'pending' }])
    describe('approved after fraud review, waiting for payment')
    return
  }
  if (decided?.decision === 'reject') {
    await settle('rejected', decided)
    throw new CheckoutFailed('fraud_review_rejected', REVIEW_REJECTED_MESSAGE)
  }
  await settle('expired', null)
  throw new CheckoutFailed('fraud_review_expired', REVIEW_EXPIRED_MESSAGE)
}
