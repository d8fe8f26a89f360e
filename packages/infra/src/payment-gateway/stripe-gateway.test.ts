import { randomUUID } from 'node:crypto'
import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { createStripe } from '../payments'
import { testConfig } from '../testing'
import { GatewayUnavailableError } from './gateway'
import { createStripeGateway, paymentStateFromIntent } from './stripe-gateway'
import { verifyStripeWebhook } from './stripe-webhook'

const stripe = createStripe(testConfig())
if (!stripe) throw new Error('STRIPE_SECRET_KEY must be set for these tests')
const usd = (amount: number) => ({ amount, currency: 'USD' })

// The SDK emits one `request` event per API call; its typings leave on/off untyped.
interface RequestEvents {
  on(event: 'request', listener: (event: Stripe.RequestEvent) => void): void
  off(event: 'request', listener: (event: Stripe.RequestEvent) => void): void
}

describe('Stripe gateway against stripe-mock', () => {
  const gateway = createStripeGateway(stripe)

  it('creates a confirmed PaymentIntent with the idempotency key on the request', async () => {
    const keys: (string | undefined)[] = []
    const listener = (event: Stripe.RequestEvent) => keys.push(event.idempotency_key)
    const events = stripe as unknown as RequestEvents
    events.on('request', listener)
    const key = `order-${randomUUID()}:create-payment`
    const state = await gateway.createPayment({
      orderId: 'o1',
      amount: usd(1999),
      paymentMethodToken: 'pm_card_visa',
      idempotencyKey: key,
    })
    events.off('request', listener)
    // stripe-mock validates the request against Stripe's OpenAPI but answers with a fixture intent,
    // so only the shape is checked here; real outcomes arrive by webhook (tested with signed events).
    expect(state.intentId).toMatch(/^pi_/)
    expect(keys).toContain(key)
  })

  it('refunds with the amount it was asked for', async () => {
    const refund = await gateway.refund({
      intentId: 'pi_123',
      amount: usd(700),
      idempotencyKey: randomUUID(),
    })
    expect(refund.refundId).toMatch(/^re_/)
    expect(refund.amount).toEqual(usd(700))
  })

  it('reports an unreachable Stripe as a gateway outage, not a decline', async () => {
    const down = createStripeGateway(
      createStripe({
        STRIPE_SECRET_KEY: 'sk_test_x',
        STRIPE_API_URL: 'http://127.0.0.1:1',
      }) as Stripe,
    )
    await expect(down.getPayment('pi_123')).rejects.toBeInstanceOf(GatewayUnavailableError)
  })
})

describe('PaymentIntent status mapping', () => {
  const intent = (fields: Partial<Stripe.PaymentIntent>) =>
    ({
      id: 'pi_1',
      client_secret: 's',
      last_payment_error: null,
      ...fields,
    }) as Stripe.PaymentIntent

  it('maps every status a checkout cares about', () => {
    expect(paymentStateFromIntent(intent({ status: 'succeeded' }))).toEqual({
      status: 'succeeded',
      intentId: 'pi_1',
    })
    expect(paymentStateFromIntent(intent({ status: 'canceled' }))).toEqual({
      status: 'cancelled',
      intentId: 'pi_1',
    })
    expect(paymentStateFromIntent(intent({ status: 'processing' })).status).toBe('pending')
    expect(paymentStateFromIntent(intent({ status: 'requires_action' })).status).toBe('pending')
    const declined = intent({
      status: 'requires_payment_method',
      last_payment_error: {
        type: 'card_error',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    })
    expect(paymentStateFromIntent(declined)).toEqual({
      status: 'failed',
      intentId: 'pi_1',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      retryable: true,
    })
  })
})

describe('Stripe webhook verification', () => {
  const secret = 'whsec_test_secret'
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'payment_intent.succeeded',
    data: { object: { id: 'pi_1' } },
  })

  it('accepts a correctly signed event', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret })
    expect(verifyStripeWebhook(stripe, payload, header, secret).id).toBe('evt_1')
  })

  it('refuses a tampered body', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret })
    expect(() =>
      verifyStripeWebhook(stripe, payload.replace('pi_1', 'pi_2'), header, secret),
    ).toThrow(/signature/i)
  })

  it('refuses a stale timestamp (replay)', () => {
    const header = stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    })
    expect(() => verifyStripeWebhook(stripe, payload, header, secret)).toThrow(/tolerance/i)
  })
})
