import { randomUUID } from 'node:crypto'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStripe } from '../payments'
import {
  startHttpFaultProxy,
  startToxiproxy,
  testConfig,
  type FaultProxy,
  type HttpFaultProxy,
  type RunningToxiproxy,
} from '../testing'
import { withCircuitBreaker, type CircuitState } from './circuit-breaker-gateway'
import { GatewayUnavailableError } from './gateway'
import { createStripeGateway } from './stripe-gateway'

// The Stripe gateway talks to stripe-mock THROUGH Toxiproxy, so the faults are real network ones.
describe('the Stripe gateway behind its circuit breaker, with faults between it and Stripe', () => {
  let toxiproxy: RunningToxiproxy
  let proxy: FaultProxy
  let stripe: Stripe
  const requests: string[] = []
  beforeAll(async () => {
    const config = testConfig()
    toxiproxy = await startToxiproxy()
    const upstream = new URL(config.STRIPE_API_URL ?? 'http://127.0.0.1:12111')
    proxy = await toxiproxy.proxy('stripe', upstream.host)
    const client = createStripe({
      STRIPE_SECRET_KEY: config.STRIPE_SECRET_KEY ?? 'sk_test_emporium',
      STRIPE_API_URL: `http://${proxy.host}:${proxy.port}`,
    })
    if (!client) throw new Error('STRIPE_SECRET_KEY must be set for this test')
    stripe = client
    const events = stripe as unknown as {
      on(event: 'request', listener: (event: Stripe.RequestEvent) => void): void
    }
    events.on('request', (event) => requests.push(event.path))
  })
  afterAll(async () => {
    await toxiproxy?.stop()
  })

  const pay = (gateway: ReturnType<typeof withCircuitBreaker>, idempotencyKey: string) =>
    gateway.createPayment({
      orderId: `order-${randomUUID()}`,
      amount: { amount: 2_500, currency: 'USD' },
      paymentMethodToken: 'pm_card_visa',
      idempotencyKey,
    })

  it('connection resets open the breaker, calls then fail fast without reaching Stripe, and it closes once Stripe answers again', async () => {
    const states: CircuitState[] = []
    const gateway = withCircuitBreaker(
      createStripeGateway(stripe),
      { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeout: 1_000, timeout: 5_000 },
      (s) => states.push(s),
    )
    // Healthy: stripe-mock answers through the proxy.
    expect((await pay(gateway, randomUUID())).intentId).toMatch(/^pi_/)

    await proxy.add('reset_peer', { timeout: 0 })
    for (let i = 0; i < 3; i++) {
      await expect(pay(gateway, randomUUID())).rejects.toBeInstanceOf(GatewayUnavailableError)
    }
    expect(gateway.circuitState()).toBe('open')
    const before = requests.length
    const blocked = await pay(gateway, randomUUID()).catch((error: unknown) => error)
    expect(blocked).toBeInstanceOf(GatewayUnavailableError)
    expect((blocked as Error).message).toMatch(/circuit is open/)
    expect(requests.length).toBe(before)

    await proxy.clear()
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    // The trial call after the pause goes through and closes the breaker.
    expect((await pay(gateway, randomUUID())).intentId).toMatch(/^pi_/)
    expect(gateway.circuitState()).toBe('closed')
    expect(states).toEqual(['open', 'halfOpen', 'closed'])
  })

  it('a gateway slower than the breaker timeout counts as down; the breaker opens on it too', async () => {
    const gateway = withCircuitBreaker(createStripeGateway(stripe), {
      volumeThreshold: 2,
      errorThresholdPercentage: 50,
      resetTimeout: 60_000,
      timeout: 300,
    })
    await proxy.add('latency', { latency: 1_000 })
    try {
      for (let i = 0; i < 2; i++) {
        await expect(pay(gateway, randomUUID())).rejects.toBeInstanceOf(GatewayUnavailableError)
      }
      expect(gateway.circuitState()).toBe('open')
    } finally {
      await proxy.clear()
    }
  })

  describe('server errors from Stripe', () => {
    let http: HttpFaultProxy
    let viaHttp: Stripe
    beforeAll(async () => {
      const config = testConfig()
      http = await startHttpFaultProxy(config.STRIPE_API_URL ?? 'http://127.0.0.1:12111')
      const client = createStripe({
        STRIPE_SECRET_KEY: config.STRIPE_SECRET_KEY ?? 'sk_test_emporium',
        STRIPE_API_URL: http.url,
      })
      if (!client) throw new Error('STRIPE_SECRET_KEY must be set for this test')
      viaHttp = client
    })
    afterAll(async () => {
      await http?.stop()
    })

    it('a 5xx is retried with the same idempotency key, so Stripe would charge once', async () => {
      const gateway = withCircuitBreaker(createStripeGateway(viaHttp), { timeout: 10_000 })
      const key = randomUUID()
      const from = http.requests.length
      http.failNext(2, 500)
      const payment = await pay(gateway, key)
      expect(payment.intentId).toMatch(/^pi_/)
      const attempts = http.requests.slice(from).filter((r) => r.path === '/v1/payment_intents')
      expect(attempts.map((r) => r.status)).toEqual([500, 500, 200])
      expect(new Set(attempts.map((r) => r.headers['idempotency-key']))).toEqual(new Set([key]))
      expect(gateway.circuitState()).toBe('closed')
    })

    it('a gateway that keeps answering 503 is an outage (retried later), never a decline', async () => {
      const gateway = withCircuitBreaker(createStripeGateway(viaHttp), {
        volumeThreshold: 2,
        errorThresholdPercentage: 50,
        resetTimeout: 60_000,
        timeout: 10_000,
      })
      http.failNext(1_000, 503)
      try {
        for (let i = 0; i < 2; i++) {
          const error = await pay(gateway, randomUUID()).catch((e: unknown) => e)
          expect(error).toBeInstanceOf(GatewayUnavailableError)
        }
        expect(gateway.circuitState()).toBe('open')
      } finally {
        http.failNext(0)
      }
    })
  })
})
