import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { describe, expect, it } from 'vitest'
import { startApiServer } from '../server'
import { createTestClient } from '../testing/api-client'

/** `payments.config` as an anonymous browser sees it, from an API started with `env`. */
async function paymentConfigWith(env: Record<string, string | undefined>) {
  const api = await startApiServer({
    config: testConfig(env),
    port: 0,
    rateLimitNamespace: randomUUID(),
  })
  try {
    return await createTestClient(api.url).client.payments.config.query()
  } finally {
    await api.close()
  }
}

describe('payments.config (what the checkout page collects a card with)', () => {
  it('hands out the publishable key when orders are charged through Stripe', async () => {
    expect(
      await paymentConfigWith({
        STRIPE_SECRET_KEY: 'sk_test_emporium',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_emporium',
      }),
    ).toEqual({ gateway: 'stripe', stripePublishableKey: 'pk_test_emporium' })
  })

  it('says Stripe without a key when no publishable key is configured', async () => {
    expect(
      await paymentConfigWith({
        STRIPE_SECRET_KEY: 'sk_test_emporium',
        STRIPE_PUBLISHABLE_KEY: '',
      }),
    ).toEqual({ gateway: 'stripe', stripePublishableKey: null })
  })

  it('says test gateway, and no key, without a Stripe secret key even if a publishable key is set', async () => {
    // A Stripe PaymentMethod would be useless: the test gateway only knows its own card tokens.
    expect(
      await paymentConfigWith({
        STRIPE_SECRET_KEY: '',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_emporium',
      }),
    ).toEqual({ gateway: 'test', stripePublishableKey: null })
  })
})
