/** One order line (and how many of its units) to refund. */
export interface RefundLineRequest {
  orderItemId: number
  quantity: number
}

/** A refund request, as the seller or admin procedure hands it to refundWorkflow. */
export interface RefundInput {
  orderId: string
  /** Unique per refund request (order id + the client's idempotency key). */
  requestKey: string
  /** Refund by amount in minor units of the order's currency … */
  amountMinor?: number
  /** … or by items (their share of what was paid for them). */
  items?: RefundLineRequest[]
  /** Put refunded items back in stock. */
  restock: boolean
  reason: string | null
  requestedBy: string | null
  /** Set when a seller asks: only orders and lines of this store. */
  sellerId?: string
  /** Who asked, as recorded in the order's status history ("seller:<id>", "admin:<id>"). */
  actor: string
}

export type RefundRefusal =
  | 'NOT_FOUND'
  | 'NOT_REFUNDABLE'
  | 'INVALID_ITEMS'
  | 'REFUND_EXCEEDS_REMAINING'

/** What refundWorkflow returns. */
export type RefundOutcome =
  | {
      status: 'succeeded'
      refundId: string
      amount: { amount: number; currency: string }
      orderStatus: string
      restockedUnits: number
    }
  /** Refused before any money moved (nothing was held). */
  | { status: 'refused'; code: RefundRefusal; message: string }
  /** The gateway refused the refund; what it held was given back. */
  | { status: 'failed'; refundId: string; message: string }

/** A refund held in the database, ready for the gateway. */
export type RefundReservation =
  | {
      ok: true
      refundId: string
      intentId: string
      amountMinor: number
      currency: string
      status: 'pending' | 'succeeded' | 'failed'
    }
  | { ok: false; code: RefundRefusal; message: string }

/** Activities of refundWorkflow; implemented by the worker over the database and the payment gateway. */
export interface RefundActivities {
  /** Holds the refund amount (and items) against the captured payment, once per request key. */
  reserveRefund(input: RefundInput): Promise<RefundReservation>
  /** Refunds at the gateway with an idempotency key derived from the refund id. */
  refundPayment(input: {
    refundId: string
    intentId: string
    amountMinor: number
    currency: string
    reason: string | null
  }): Promise<{ gatewayRefundId: string; status: 'succeeded' | 'pending' | 'failed' }>
  /** Settles the refund: restock, payment and order status, history, `order.refunded` outbox event. */
  completeRefund(input: {
    refundId: string
    gatewayRefundId: string
    actor: string
  }): Promise<{ orderStatus: string; restockedUnits: number }>
  /** Marks the refund failed and gives back what it held. */
  failRefund(input: { refundId: string; message: string }): Promise<void>
}

/** Error type of a gateway's final refusal of a refund (not retried). */
export const GATEWAY_REFUSED_REFUND = 'GatewayRefusedRefund'

/** Workflow id of one refund request: a repeated request finds the same workflow and starts nothing. */
export function refundWorkflowId(requestKey: string): string {
  return `refund:${requestKey}`
}
