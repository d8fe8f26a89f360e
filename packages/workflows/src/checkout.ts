import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'
import { defineSearchAttributeKey } from '@temporalio/common'

/**
 * The contract between the API (starts, follows and cancels checkouts), the webhook endpoint
 * (signals payment results) and checkoutWorkflow. Changing a name here breaks running workflows.
 */

/** What `orders.place` hands to a checkout: the cart is read (and re-priced) by the workflow itself. */
export interface CheckoutInput {
  cartId: string
  userId: string
  /** The client's Idempotency-Key: the same key always names the same order. */
  idempotencyKey: string
  /** An address of the shopper's address book, copied onto the order as it was at checkout. */
  shippingAddressId: string
  /** A browser-side token (Stripe payment method id or a test-gateway token) — never a card number. */
  paymentMethodToken: string
  /** Request id of the API call that started it, carried into activity logs. */
  requestId?: string
  /** The shopper's IP as the API saw it, for fraud screening (absent in checkouts started before it). */
  clientIp?: string
  /** A billing address of the shopper's address book; absent = billed where it ships. */
  billingAddressId?: string
  /** Payment waits and retries; defaults (DEFAULT_CHECKOUT_TIMEOUTS) suit production, tests shorten them. */
  timeouts?: Partial<CheckoutTimeouts>
}

/** How long a checkout waits for payments and how often it retries them (milliseconds). */
export interface CheckoutTimeouts {
  /** How long one payment attempt may stay pending (processing, 3-D Secure) before it is voided. */
  paymentTimeoutMs: number
  /** How often the gateway is asked about a pending payment when no webhook has answered. */
  paymentPollIntervalMs: number
  /** Payment attempts (first charge included) before the order is cancelled. */
  maxPaymentAttempts: number
  /** First wait before a soft decline or gateway error is retried; doubles per attempt. */
  paymentRetryBackoffMs: number
  /** How long a hard decline waits for the shopper's new payment method. */
  paymentMethodWaitMs: number
  /** How long an unavailable gateway (or open circuit breaker) is retried before the attempt counts as failed. */
  gatewayPatienceMs: number
  /** How long an order held for fraud review waits for an administrator before it is cancelled. */
  fraudReviewTimeoutMs: number
}

export const DEFAULT_CHECKOUT_TIMEOUTS: CheckoutTimeouts = {
  paymentTimeoutMs: 15 * 60_000,
  paymentPollIntervalMs: 5_000,
  maxPaymentAttempts: 3,
  paymentRetryBackoffMs: 60_000,
  paymentMethodWaitMs: 30 * 60_000,
  gatewayPatienceMs: 30 * 60_000,
  fraudReviewTimeoutMs: 24 * 60 * 60_000,
}

/** Where a checkout stands, as the shopper's progress view shows it. */
export type CheckoutStage =
  | 'validating'
  | 'reserving'
  | 'creating_order'
  /** Screened as risky: nothing is charged until an administrator approves the order. */
  | 'held_for_review'
  | 'charging'
  | 'awaiting_payment'
  | 'retrying_payment'
  | 'confirming'
  | 'compensating'
  | 'paid'
  | 'cancelled'

/** Why a checkout ended without a paid order. */
export type CheckoutFailureCode =
  | 'cart_invalid'
  | 'sold_out'
  | 'coupon_unavailable'
  | 'payment_declined'
  | 'payment_timeout'
  | 'customer_cancelled'
  | 'fraud_review_rejected'
  | 'fraud_review_expired'

export interface CheckoutFailure {
  code: CheckoutFailureCode
  /** A sentence the shopper can act on ("Your card was declined: insufficient funds."). */
  message: string
}

/** Live state returned by `checkoutProgressQuery`. */
export interface CheckoutProgress {
  stage: CheckoutStage
  orderId: string | null
  orderNumber: number | null
  /** Client secret of a payment waiting for the browser (3-D Secure / processing), else null. */
  paymentClientSecret: string | null
  paymentAttempts: number
  failure: CheckoutFailure | null
}

/** What checkoutWorkflow returns. */
export type CheckoutResult =
  | { status: 'paid'; orderId: string; orderNumber: number }
  | {
      status: 'cancelled'
      orderId: string | null
      orderNumber: number | null
      failure: CheckoutFailure
    }

/** A payment result the verified gateway webhook reports; duplicates and stale ones are ignored. */
export interface PaymentResultSignal {
  intentId: string
  status: 'succeeded' | 'failed'
  declineCode?: string
  message?: string
  /** Gateway event time (ms since epoch), so an older event never overrides a newer one. */
  occurredAt: number
}

export const paymentResultSignal = defineSignal<[PaymentResultSignal]>('paymentResult')
/** A new payment method from the shopper after a soft decline (payment retries). */
export const updatePaymentMethodSignal =
  defineSignal<[{ paymentMethodToken: string }]>('updatePaymentMethod')
/** "Customer cancels before payment": accepted only while no payment has succeeded. */
export const cancelCheckoutUpdate = defineUpdate<
  { accepted: boolean; message: string },
  [{ reason?: string }]
>('cancelCheckout')
export const checkoutProgressQuery = defineQuery<CheckoutProgress>('checkoutProgress')

/** Checkout workflow id derived from the cart, so a double submit cannot start two checkouts. */
export function checkoutWorkflowId(cartId: string): string {
  return `checkout:${cartId}`
}

/** Custom search attributes (registered on the dev server by scripts/stack/search-attributes.txt). */
export const ORDER_ID_ATTRIBUTE = defineSearchAttributeKey('OrderId', 'KEYWORD')
export const CUSTOMER_ID_ATTRIBUTE = defineSearchAttributeKey('CustomerId', 'KEYWORD')
export const SELLER_IDS_ATTRIBUTE = defineSearchAttributeKey('SellerIds', 'KEYWORD_LIST')
export const ORDER_STATUS_ATTRIBUTE = defineSearchAttributeKey('OrderStatus', 'KEYWORD')
export const AMOUNT_MINOR_ATTRIBUTE = defineSearchAttributeKey('AmountMinor', 'INT')
