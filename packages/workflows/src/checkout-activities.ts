import type { CheckoutFailureCode, PaymentResultSignal } from './checkout'

/**
 * Activities of checkoutWorkflow, implemented by the worker over its dependencies. Business
 * refusals are non-retryable ApplicationFailures whose `type` is a CheckoutFailureCode
 * (`cart_invalid`, `sold_out`, `coupon_unavailable`); everything else is retried.
 */

/** Money in integer minor units. */
export interface CheckoutMoney {
  amount: number
  currency: string
}

/** One validated line with its amounts as they will be bought. */
export interface CheckoutLine {
  variantId: string
  productId: string
  sellerId: string
  productName: string
  sku: string
  quantity: number
  unitPriceMinor: number
  taxMinor: number
  discountMinor: number
}

/** What validateCart found: everything the order is made of, priced and checked. */
export interface CheckoutPlan {
  currency: string
  lines: CheckoutLine[]
  subtotalMinor: number
  discountMinor: number
  taxMinor: number
  /** Shipping after any free-shipping coupon. */
  shippingMinor: number
  totalMinor: number
  coupons: { couponId: number; code: string; discountMinor: number }[]
  exchangeRate: { base: string; rate: string } | null
  shippingAddress: Record<string, string | null>
  /** Region warehouses are preferred from (the cart's shipping region). */
  shippingRegion: string
  sellerIds: string[]
}

/** A payment attempt's state as the workflow sees it. */
export interface PaymentOutcome {
  status: 'succeeded' | 'pending' | 'failed' | 'cancelled'
  intentId: string
  clientSecret: string | null
  declineCode: string | null
  message: string | null
  /** A soft decline or gateway trouble, worth trying again. */
  retryable: boolean
}

/** Identifies one payment attempt of an order. */
export interface PaymentAttemptRef {
  orderId: string
  attempt: number
  maxAttempts: number
  amount: CheckoutMoney
  /**
   * The checkout's last try: if this attempt fails, the order is cancelled (told to the shopper).
   * Absent in attempts scheduled before it existed; `attempt >= maxAttempts` then stands in.
   */
  final?: boolean
}

export interface CheckoutActivities {
  /** Reads and re-prices the cart, checks its lines, coupons and the shipping address. */
  validateCart(input: {
    cartId: string
    userId: string
    shippingAddressId: string
  }): Promise<CheckoutPlan>
  /** Reserves every line (flash-sale SKUs pass their gate first); idempotent per owner key. */
  reserveInventory(input: {
    ownerKey: string
    lines: { variantId: string; quantity: number }[]
    shippingRegion: string
    expiresAtMs: number
  }): Promise<{ reservations: number }>
  /** Gives an owner's active reservations back (and flash-sale units to their gates). */
  releaseInventory(input: { ownerKey: string }): Promise<{ released: number }>
  /** Turns the reservations into sold stock. */
  commitInventory(input: { ownerKey: string }): Promise<{ committed: number }>
  /** Creates the pending order and redeems its coupons; idempotent on the idempotency key. */
  createOrder(input: {
    userId: string
    cartId: string
    idempotencyKey: string
    checkoutWorkflowId: string
    plan: CheckoutPlan
  }): Promise<{ orderId: string; orderNumber: number }>
  /**
   * Cancels the pending order with a reason and gives its coupon uses back; a no-op without one.
   * Only this checkout's order (`checkoutWorkflowId`, absent in checkouts started before it).
   */
  cancelOrder(input: {
    idempotencyKey: string
    checkoutWorkflowId?: string
    reason: CheckoutFailureCode
    message: string
  }): Promise<{ cancelled: boolean }>
  /** Marks the order paid (history, fulfillments, `order.paid` event). */
  markOrderPaid(input: { orderId: string; intentId: string }): Promise<void>
  /** Deletes the cart and the user's pointer to it. */
  clearCart(input: { cartId: string; userId: string }): Promise<void>
  /** Charges the gateway (idempotency key derived from the order id and attempt) and records the attempt. */
  createPayment(input: PaymentAttemptRef & { paymentMethodToken: string }): Promise<PaymentOutcome>
  /** Asks the gateway where a payment stands and records it. */
  getPaymentStatus(input: PaymentAttemptRef & { intentId: string }): Promise<PaymentOutcome>
  /** Records what the verified webhook reported for an attempt. */
  recordPaymentResult(
    input: PaymentAttemptRef & { result: PaymentResultSignal },
  ): Promise<PaymentOutcome>
  /** Voids a payment that has not succeeded; reports `succeeded` instead when it already has. */
  cancelPayment(input: PaymentAttemptRef & { intentId: string }): Promise<PaymentOutcome>
}

/** ApplicationFailure type of a payment method the gateway refused outright (not a card decline). */
export const PAYMENT_REJECTED = 'payment_rejected'
/** ApplicationFailure type of an unreachable or failing gateway (retried). */
export const GATEWAY_UNAVAILABLE = 'gateway_unavailable'
