import { randomUUID } from 'node:crypto'
import type Stripe from 'stripe'
import { afterAll, describe, expect, it } from 'vitest'
import { createStripe } from '../payments'
import { createRedis } from '../redis'
import { testConfig } from '../testing'
import { withCircuitBreaker, type CircuitState } from './circuit-breaker-gateway'
import { GatewayUnavailableError } from './gateway'
import { createStripeGateway } from './stripe-gateway'
import { createTestGateway } from './test-gateway'

const usd = (amount: number) => ({ amount, currency: 'USD' })
const settings = { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeout: 300 }

describe('payment gateway circuit breaker', () => {
  const redis = createRedis(testConfig())
  const testGateway = createTestGateway(redis)
  afterAll(async () => {
    await redis.quit()
  })
  const pay = (gateway: typeof testGateway, token: string) =>
    gateway.createPayment({
      orderId: `order-${randomUUID()}`,
      amount: usd(1500),
      paymentMethodToken: token,
      idempotencyKey: randomUUID(),
    })

  it('opens after repeated outages, fails fast while open, and closes after a successful trial', async () => {
    const states: CircuitState[] = []
    const gateway = withCircuitBreaker(testGateway, settings, (s) => states.push(s))
    for (let i = 0; i < 3; i++) {
      await expect(pay(gateway, 'tok_gatewayOutage')).rejects.toBeInstanceOf(
        GatewayUnavailableError,
      )
    }
    expect(gateway.circuitState()).toBe('open')

    // Open: even a good card is not attempted — no payment is created at the gateway.
    const blocked = await pay(gateway, 'tok_visa').catch((error: unknown) => error)
    expect(blocked).toBeInstanceOf(GatewayUnavailableError)
    expect((blocked as Error).message).toMatch(/circuit is open/)

    await new Promise((resolve) => setTimeout(resolve, settings.resetTimeout + 100))
    expect(gateway.circuitState()).toBe('halfOpen')
    expect((await pay(gateway, 'tok_visa')).status).toBe('succeeded')
    expect(gateway.circuitState()).toBe('closed')
    expect(states).toEqual(['open', 'halfOpen', 'closed'])
  })

  it('re-opens when the trial call fails too', async () => {
    const gateway = withCircuitBreaker(testGateway, settings)
    for (let i = 0; i < 3; i++) await pay(gateway, 'tok_gatewayOutage').catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, settings.resetTimeout + 100))
    await expect(pay(gateway, 'tok_gatewayOutage')).rejects.toBeInstanceOf(GatewayUnavailableError)
    expect(gateway.circuitState()).toBe('open')
  })

  it('stays closed through card declines and refusals from a working gateway', async () => {
    const gateway = withCircuitBreaker(testGateway, settings)
    for (let i = 0; i < 5; i++) {
      expect((await pay(gateway, 'tok_chargeDeclined')).status).toBe('failed')
      await expect(pay(gateway, '4242424242424242')).rejects.toThrow(/unknown card token/)
    }
    expect(gateway.circuitState()).toBe('closed')
    expect((await pay(gateway, 'tok_visa')).status).toBe('succeeded')
  })

  it('opens on an unreachable Stripe and then sends no more requests', async () => {
    const stripe = createStripe({
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_API_URL: 'http://127.0.0.1:1',
    }) as Stripe
    const requests: string[] = []
    const events = stripe as unknown as {
      on(event: 'request', listener: (event: Stripe.RequestEvent) => void): void
    }
    events.on('request', (event) => requests.push(event.path))
    const gateway = withCircuitBreaker(createStripeGateway(stripe), settings)
    for (let i = 0; i < 3; i++) {
      await expect(gateway.getPayment('pi_123')).rejects.toBeInstanceOf(GatewayUnavailableError)
    }
    expect(gateway.circuitState()).toBe('open')
    const sent = requests.length
    expect(sent).toBeGreaterThanOrEqual(3)

    await expect(
      gateway.refund({ intentId: 'pi_123', amount: usd(100), idempotencyKey: randomUUID() }),
    ).rejects.toThrow(/circuit is open/)
    expect(requests.length).toBe(sent)
  })

  it('passes calls through to stripe-mock while closed', async () => {
    const stripe = createStripe(testConfig()) as Stripe
    const gateway = withCircuitBreaker(createStripeGateway(stripe), settings)
    const refund = await gateway.refund({
      intentId: 'pi_123',
      amount: usd(700),
      idempotencyKey: randomUUID(),
    })
    expect(refund.amount).toEqual(usd(700))
    expect(gateway.circuitState()).toBe('closed')
  })
})
