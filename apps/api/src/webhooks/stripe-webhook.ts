import type http from 'node:http'
import {
  findCheckoutForIntent,
  hasNewerProcessedEvent,
  lockWebhookEvent,
  markWebhookEventFailed,
  markWebhookEventProcessed,
} from '@emporium/db'
import { createStripe, verifyStripeWebhook, type Stripe } from '@emporium/infra'
import { paymentResultSignal } from '@emporium/workflows'
import { WorkflowNotFoundError } from '@temporalio/client'
import type { ApiDeps } from '../deps'
import { PAYMENT_RESULT_EVENT_TYPES, paymentEventOf } from './payment-event'
import { BodyTooLargeError, readRawBody } from './read-raw-body'

/** Stripe events are a few KiB; anything far larger is not Stripe. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024
const DEVELOPMENT_SECRET = 'whsec_emporium_development'

// Signature checks are pure crypto: without a Stripe key (test gateway) a keyless client verifies.
let keylessVerifier: Stripe | undefined
function webhookVerifier(deps: ApiDeps): Stripe {
  if (deps.stripe) return deps.stripe
  keylessVerifier ??= createStripe({ STRIPE_SECRET_KEY: 'sk_webhook_verification_only' })
  if (!keylessVerifier) throw new Error('could not create a Stripe client to verify webhooks')
  return keylessVerifier
}

function reply(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** What handling one verified event came to (returned to Stripe and kept on the event row). */
type Outcome = { status: number; body: Record<string, unknown> }

/**
 * `POST /webhooks/stripe`: verifies the signature over the raw body (stale timestamps refused),
 * stores each event once, and hands payment results to the checkout workflow of the order the
 * intent belongs to. A redelivered event is a 200 no-op; a failure to signal answers 503 and
 * leaves the event unprocessed, so Stripe's redelivery retries it.
 */
export async function handleStripeWebhook(
  deps: ApiDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST')
    return reply(res, 405, { error: 'Use POST.' })
  }
  const secret = deps.config.STRIPE_WEBHOOK_SECRET
  if (deps.config.NODE_ENV === 'production' && secret === DEVELOPMENT_SECRET) {
    deps.logger.error('STRIPE_WEBHOOK_SECRET is not set; refusing webhooks')
    return reply(res, 503, { error: 'Webhooks are not configured.' })
  }
  let raw: Buffer
  try {
    raw = await readRawBody(req, WEBHOOK_BODY_LIMIT)
  } catch (error) {
    if (error instanceof BodyTooLargeError) return reply(res, 413, { error: error.message })
    throw error
  }
  const signature = req.headers['stripe-signature']
  if (typeof signature !== 'string' || signature === '') {
    return reply(res, 400, { error: 'Missing Stripe-Signature header.' })
  }
  let event: Stripe.Event
  try {
    event = verifyStripeWebhook(webhookVerifier(deps), raw, signature, secret)
  } catch (error) {
    // A bad signature or a timestamp outside the tolerance (a replayed request).
    const message = error instanceof Error ? error.message : String(error)
    deps.logger.warn({ reason: message }, 'stripe webhook refused')
    return reply(res, 400, { error: `Webhook refused: ${message}` })
  }

  try {
    const outcome = await deps.db
      .transaction()
      .execute((trx) => handleVerifiedEvent(deps, trx, event))
    return reply(res, outcome.status, outcome.body)
  } catch (error) {
    deps.logger.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook failed')
    const message = error instanceof Error ? error.message : String(error)
    await markWebhookEventFailed(deps.db, event.id, message).catch((markError: unknown) =>
      deps.logger.error({ err: markError, eventId: event.id }, 'could not record webhook failure'),
    )
    return reply(res, 503, { error: 'The event could not be handled now; redeliver it later.' })
  }
}

async function handleVerifiedEvent(
  deps: ApiDeps,
  trx: ApiDeps['db'],
  event: Stripe.Event,
): Promise<Outcome> {
  // Concurrent deliveries of one event queue on its row: one handles it, the rest see it handled.
  const stored = await lockWebhookEvent(trx, {
    gateway: 'stripe',
    eventId: event.id,
    type: event.type,
    payload: event,
  })
  if (stored.alreadyProcessed) {
    return { status: 200, body: { received: true, duplicate: true } }
  }
  const done = async (note: string | null, body: Record<string, unknown>): Promise<Outcome> => {
    await markWebhookEventProcessed(trx, stored.id, note)
    return { status: 200, body: { received: true, ...body } }
  }

  const payment = paymentEventOf(event)
  if (!payment) return done(null, { handled: false })
  const { intentId, signal } = payment
  if (
    await hasNewerProcessedEvent(
      trx,
      'stripe',
      PAYMENT_RESULT_EVENT_TYPES,
      intentId,
      signal.occurredAt,
    )
  ) {
    return done('superseded by a newer event of the same payment', { superseded: true })
  }
  const checkout = await findCheckoutForIntent(trx, intentId, payment.orderIdHint)
  if (!checkout?.checkoutWorkflowId) {
    deps.logger.warn({ eventId: event.id, intentId }, 'stripe webhook for an unknown payment')
    return done('no order for this payment intent', { handled: false })
  }
  const client = await deps.temporal()
  try {
    await client.workflow.getHandle(checkout.checkoutWorkflowId).signal(paymentResultSignal, signal)
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error
    // The checkout has ended (paid, cancelled or timed out): reconciliation repairs any mismatch.
    deps.logger.warn(
      { eventId: event.id, intentId, workflowId: checkout.checkoutWorkflowId },
      'payment result for a closed checkout',
    )
    return done('checkout workflow already closed', { signalled: false })
  }
  return done(null, { signalled: true })
}
