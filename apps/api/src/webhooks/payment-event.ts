import type { Stripe } from '@emporium/infra'
import type { PaymentResultSignal } from '@emporium/workflows'

/** Event types that carry a checkout's payment result. */
export const PAYMENT_RESULT_EVENT_TYPES = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
] as const

/** What a verified Stripe event means for a checkout, or null when it carries no payment result. */
export interface PaymentEvent {
  intentId: string
  /** `metadata.order_id` the gateway port puts on every intent: finds the order before its payment row exists. */
  orderIdHint: string | undefined
  signal: PaymentResultSignal
}

/**
 * Maps a payment-intent event to the checkout's payment-result signal, carrying the event's
 * `created` time as `occurredAt` so the workflow can ignore results older than one it has.
 */
export function paymentEventOf(event: Stripe.Event): PaymentEvent | null {
  if (!(PAYMENT_RESULT_EVENT_TYPES as readonly string[]).includes(event.type)) return null
  const intent = event.data.object as Stripe.PaymentIntent
  const occurredAt = event.created * 1000
  const base = { intentId: intent.id, occurredAt }
  let signal: PaymentResultSignal
  if (event.type === 'payment_intent.succeeded') {
    signal = { ...base, status: 'succeeded' }
  } else if (event.type === 'payment_intent.canceled') {
    signal = {
      ...base,
      status: 'failed',
      declineCode: 'payment_canceled',
      message: 'The payment was cancelled.',
    }
  } else {
    const error = intent.last_payment_error
    signal = {
      ...base,
      status: 'failed',
      declineCode: error?.decline_code ?? error?.code ?? 'card_declined',
      message: error?.message ?? 'Your card was declined.',
    }
  }
  return { intentId: intent.id, orderIdHint: intent.metadata?.order_id, signal }
}
