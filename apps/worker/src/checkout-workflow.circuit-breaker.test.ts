import { createTestGateway, withCircuitBreaker, type CircuitState } from '@emporium/infra'
import { checkoutProgressQuery } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { outageGateway } from './testing/outage-gateway'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow behind an open circuit breaker', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  it('an outage opens the breaker; the checkout waits it out and pays once the gateway is back', async () => {
    const taskQueue = uniqueTaskQueue('checkout-breaker')
    const v = await insertCheckoutVariant(h.db, 3_000, 4)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'tok_visa', { gatewayPatienceMs: 120_000 })
    const flaky = outageGateway(createTestGateway(h.redis))
    const states: CircuitState[] = []
    const breaker = withCircuitBreaker(
      flaky.gateway,
      { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeout: 2_000 },
      (state) => states.push(state),
    )
    const worker = await h.worker(taskQueue, breaker)
    const { result, whileOpen } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      await expect.poll(() => states, { timeout: 60_000, interval: 100 }).toContain('open')
      const whileOpen = await handle.query(checkoutProgressQuery)
      flaky.recover()
      return { result: await handle.result(), whileOpen }
    })

    // While the circuit was open the order waited at the charge, not cancelled, nothing charged.
    expect(whileOpen).toMatchObject({ stage: 'charging', paymentAttempts: 1, failure: null })
    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual({
      status: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
    })
    // A half-open trial found the gateway back and closed the circuit.
    expect(states.slice(states.indexOf('open'))).toContain('halfOpen')
    expect(states.at(-1)).toBe('closed')
    expect(breaker.circuitState()).toBe('closed')
    expect(
      (await h.paymentsOf(order!.id)).map((p) => [p.status, p.captured_minor, p.idempotency_key]),
    ).toEqual([['captured', order!.total_minor, `order:${order!.id}:payment:1`]])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 3, reserved: 0 })
  })
})
