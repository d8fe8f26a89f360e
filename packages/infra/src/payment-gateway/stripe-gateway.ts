import Stripe from 'stripe'
import {
  GatewayUnavailableError,
  type PaymentGateway,
  type PaymentState,
  type RefundResult,
} from './gateway'

/** Soft declines a shopper may retry (with the same or another card) rather than final refusals. */
const SOFT_DECLINES = new Set([
  'insufficient_funds',
  'processing_error',
  'try_again_later',
  'issuer_not_available',
  'do_not_honor',
])

/** Maps a Stripe PaymentIntent to the gateway-neutral state. */
export function paymentStateFromIntent(intent: Stripe.PaymentIntent): PaymentState {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', intentId: intent.id }
    case 'canceled':
      return { status: 'cancelled', intentId: intent.id }
    case 'requires_payment_method': {
      const error = intent.last_payment_error
      // Without an error the intent simply has no confirmed method yet: the webhook will say what happens.
      if (!error)
        return { status: 'pending', intentId: intent.id, clientSecret: intent.client_secret }
      const declineCode = error.decline_code ?? error.code ?? 'card_declined'
      return {
        status: 'failed',
        intentId: intent.id,
        declineCode,
        message: error.message ?? 'Your card was declined.',
        retryable: SOFT_DECLINES.has(declineCode),
      }
    }
    default:
      return { status: 'pending', intentId: intent.id, clientSecret: intent.client_secret }
  }
}

/** Gateway errors (network, 5xx, rate limits) become GatewayUnavailableError; card errors become a failed state. */
function rethrow(error: unknown, intentId = 'unknown'): PaymentState {
  if (error instanceof Stripe.errors.StripeCardError) {
    const declineCode = error.decline_code ?? error.code ?? 'card_declined'
    return {
      status: 'failed',
      intentId: error.payment_intent?.id ?? intentId,
      declineCode,
      message: error.message,
      retryable: SOFT_DECLINES.has(declineCode),
    }
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    throw new GatewayUnavailableError(`Stripe unavailable: ${error.message}`, { cause: error })
  }
  throw error
}

/** Stripe PaymentIntents with automatic confirmation; every mutating call carries an idempotency key. */
export function createStripeGateway(stripe: Stripe): PaymentGateway {
  return {
    name: 'stripe',

    async createPayment(input) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amount.amount,
            currency: input.amount.currency.toLowerCase(),
            payment_method: input.paymentMethodToken,
            confirm: true,
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            metadata: { order_id: input.orderId, ...input.metadata },
          },
          { idempotencyKey: input.idempotencyKey },
        )
        return paymentStateFromIntent(intent)
      } catch (error) {
        return rethrow(error)
      }
    },

    async getPayment(intentId) {
      try {
        return paymentStateFromIntent(await stripe.paymentIntents.retrieve(intentId))
      } catch (error) {
        return rethrow(error, intentId)
      }
    },

    async cancelPayment(intentId, idempotencyKey) {
      try {
        const current = await stripe.paymentIntents.retrieve(intentId)
        if (current.status === 'canceled') return paymentStateFromIntent(current)
        return paymentStateFromIntent(
          await stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey }),
        )
      } catch (error) {
        return rethrow(error, intentId)
      }
    },

    async refund({ intentId, amount, idempotencyKey, reason }): Promise<RefundResult> {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: intentId, amount: amount.amount, metadata: reason ? { reason } : {} },
          { idempotencyKey },
        )
        const status =
          refund.status === 'succeeded'
            ? 'succeeded'
            : refund.status === 'failed' || refund.status === 'canceled'
              ? 'failed'
              : 'pending'
        return {
          refundId: refund.id,
          status,
          amount: { amount: refund.amount, currency: refund.currency.toUpperCase() },
        }
      } catch (error) {
        rethrow(error, intentId)
        throw error
      }
    },
  }
}
