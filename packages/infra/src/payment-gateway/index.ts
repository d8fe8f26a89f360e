import type { Redis } from 'ioredis'
import type Stripe from 'stripe'
import {
  withCircuitBreaker,
  type CircuitBreakerGateway,
  type CircuitBreakerSettings,
  type CircuitState,
} from './circuit-breaker-gateway'
import { createStripeGateway } from './stripe-gateway'
import { createTestGateway } from './test-gateway'

export * from './gateway'
export { TEST_CARD_TOKENS, isTestCardToken, type TestCardToken } from './test-cards'
export { createTestGateway } from './test-gateway'
export { createStripeGateway, paymentStateFromIntent } from './stripe-gateway'
export { verifyStripeWebhook, WEBHOOK_TOLERANCE_S } from './stripe-webhook'
export {
  DEFAULT_CIRCUIT_BREAKER_SETTINGS,
  isGatewayFailure,
  withCircuitBreaker,
  type CircuitBreakerGateway,
  type CircuitBreakerSettings,
  type CircuitState,
} from './circuit-breaker-gateway'

/**
 * Stripe when a key is configured, else the built-in test gateway — behind a circuit breaker, so a
 * failing gateway is not hammered: while it is open, calls fail fast with GatewayUnavailableError.
 * Build it once per process (the breaker's statistics live in the returned object).
 */
export function createPaymentGateway(
  stripe: Stripe | undefined,
  redis: Redis,
  options: {
    breaker?: Partial<CircuitBreakerSettings>
    onCircuitStateChange?: (state: CircuitState) => void
  } = {},
): CircuitBreakerGateway {
  const inner = stripe ? createStripeGateway(stripe) : createTestGateway(redis)
  return withCircuitBreaker(inner, options.breaker, options.onCircuitStateChange)
}
