import type { Redis } from 'ioredis'
import type Stripe from 'stripe'
import type { PaymentGateway } from './gateway'
import { createStripeGateway } from './stripe-gateway'
import { createTestGateway } from './test-gateway'

export * from './gateway'
export { TEST_CARD_TOKENS, isTestCardToken, type TestCardToken } from './test-cards'
export { createTestGateway } from './test-gateway'
export { createStripeGateway, paymentStateFromIntent } from './stripe-gateway'
export { verifyStripeWebhook, WEBHOOK_TOLERANCE_S } from './stripe-webhook'

/** Stripe when a key is configured, else the built-in test gateway. */
export function createPaymentGateway(stripe: Stripe | undefined, redis: Redis): PaymentGateway {
  return stripe ? createStripeGateway(stripe) : createTestGateway(redis)
}
