import { describe, expect, it } from 'vitest'
import { createStripe } from './payments'
import { testConfig } from './testing'

describe('Stripe SDK against stripe-mock (real server of the stack)', () => {
  const stripe = createStripe(testConfig())

  it('creates and confirms a PaymentIntent with an idempotency key', async () => {
    if (!stripe) throw new Error('STRIPE_SECRET_KEY must be set for this test')
    const intent = await stripe.paymentIntents.create(
      { amount: 1999, currency: 'usd', metadata: { order_id: 'test-order' } },
      { idempotencyKey: 'test-order:create-payment' },
    )
    expect(intent.object).toBe('payment_intent')
    expect(intent.id).toMatch(/^pi_/)
    expect(typeof intent.client_secret).toBe('string')
  })

  it('rejects a request that breaks the Stripe API schema', async () => {
    if (!stripe) throw new Error('STRIPE_SECRET_KEY must be set for this test')
    await expect(
      // @ts-expect-error amount is required by the API; stripe-mock validates against Stripe's OpenAPI
      stripe.paymentIntents.create({ currency: 'usd' }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError' })
  })
})
