import type Stripe from 'stripe'

/** Signed webhooks older than this are refused, so a captured request cannot be replayed later. */
export const WEBHOOK_TOLERANCE_S = 300

/**
 * Verifies a Stripe webhook over its RAW body and returns the event; throws (with Stripe's message)
 * on a bad signature or a timestamp outside the tolerance.
 */
export function verifyStripeWebhook(
  stripe: Stripe,
  rawBody: string | Buffer,
  signatureHeader: string,
  secret: string,
): Stripe.Event {
  return stripe.webhooks.constructEvent(rawBody, signatureHeader, secret, WEBHOOK_TOLERANCE_S)
}
