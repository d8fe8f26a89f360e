/** Amount in integer minor units of an ISO currency (the domain's Money, kept structural here). */
export interface GatewayAmount {
  amount: number
  currency: string
}

/** Where a payment stands, in the gateway-neutral terms the checkout workflow understands. */
export type PaymentState =
  | { status: 'succeeded'; intentId: string }
  /** Waiting for the gateway (3-D Secure, processing): the final word comes by webhook or a later look-up. */
  | { status: 'pending'; intentId: string; clientSecret: string | null }
  | { status: 'failed'; intentId: string; declineCode: string; message: string; retryable: boolean }
  | { status: 'cancelled'; intentId: string }

export interface CreatePaymentInput {
  orderId: string
  amount: GatewayAmount
  /** A token from the browser (Stripe Elements' payment method id, or a test-gateway card token) — never a card number. */
  paymentMethodToken: string
  /** Same key, same payment: a retried call never charges twice. */
  idempotencyKey: string
  metadata?: Record<string, string>
}

export interface RefundResult {
  refundId: string
  status: 'succeeded' | 'pending' | 'failed'
  amount: GatewayAmount
}

/** Thrown when the gateway itself is unreachable or erroring (retry later), as opposed to a card decline. */
export class GatewayUnavailableError extends Error {
  override readonly name = 'GatewayUnavailableError'
}

/** The payment port: Stripe in production, the built-in test gateway when no Stripe key is configured. */
export interface PaymentGateway {
  readonly name: 'stripe' | 'test'
  createPayment(input: CreatePaymentInput): Promise<PaymentState>
  getPayment(intentId: string): Promise<PaymentState>
  /** Cancels (voids) a payment that has not succeeded; a no-op for one already cancelled. */
  cancelPayment(intentId: string, idempotencyKey: string): Promise<PaymentState>
  refund(input: {
    intentId: string
    amount: GatewayAmount
    idempotencyKey: string
    reason?: string
  }): Promise<RefundResult>
}
