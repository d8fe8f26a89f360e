import { defineSignal } from '@temporalio/workflow'

/**
 * Fraud review of a checkout: after the order is created and before anything is charged, the
 * checkout screens it (`screenOrder`); a risky order is held until an administrator sends
 * `fraudReviewSignal`, or the review timeout cancels it.
 */

/** An administrator's decision on a held order; the first one a checkout receives is final. */
export interface FraudReviewDecision {
  decision: 'approve' | 'reject'
  adminId: string
  note?: string
}

export const fraudReviewSignal = defineSignal<[FraudReviewDecision]>('fraudReview')

/** Patch id guarding the screening step, so checkouts recorded before it replay unchanged. */
export const FRAUD_REVIEW_PATCH = 'fraud-review'

/** The screening's verdict as the checkout sees it (reasons stay with the administrators). */
export interface OrderScreening {
  reviewId: string
  score: number
  held: boolean
}

export interface FraudReviewActivities {
  /**
   * Gathers the order's risk signals (velocity per account, IP and card, paid orders before,
   * declines, billing vs shipping country), scores them and records the screening; idempotent
   * per order. A held order's stock reservations (of `ownerKey`) are kept until
   * `holdReservationUntilMs`, long enough for its review.
   */
  screenOrder(input: {
    ownerKey?: string
    holdReservationUntilMs?: number
    orderId: string
    userId: string
    checkoutWorkflowId: string
    clientIp: string | null
    paymentMethodToken: string
    billingAddressId: string | null
    shippingCountry: string
    total: { amount: number; currency: string }
  }): Promise<OrderScreening>
  /**
   * Records how the review ended as the checkout acted on it: approved, rejected, expired by the
   * timeout, or cancelled by the shopper before a decision.
   */
  settleFraudReview(input: {
    orderId: string
    status: 'approved' | 'rejected' | 'expired' | 'cancelled'
    adminId: string | null
    note: string | null
  }): Promise<void>
}
