import { createTestGateway, GatewayUnavailableError, type PaymentGateway } from '@emporium/infra'
import { testGatewayCharges } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

/**
 * The built-in gateway, except that the answers to the first `lost` charge requests never arrive:
 * the charge is made, then the connection drops (as a reset after the request was processed).
 */
function gatewayLosingAnswers(inner: PaymentGateway, lost: number) {
  let calls = 0
  const gateway: PaymentGateway = {
    ...inner,
    createPayment: async (input) => {
      const state = await inner.createPayment(input)
      calls += 1
      if (calls <= lost) throw new GatewayUnavailableError('connection reset after the charge')
      return state
    },
  }
  return { gateway, calls: () => calls }
}

describe(
  'checkoutWorkflow when the gateway charges but its answer is lost',
  { timeout: 180_000 },
  () => {
    let h: CheckoutHarness
    beforeAll(async () => {
      h = await createCheckoutHarness()
    })
    afterAll(async () => h?.close())

    it('retries under the same idempotency key and pays the order with exactly one charge', async () => {
      const taskQueue = uniqueTaskQueue('checkout-lost-answer')
      const v = await insertCheckoutVariant(h.db, 2_000, 5)
      const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
      // Patience runs out while the answers are lost: the outcome of the first attempt is unknown.
      const input = checkoutInputFor(shopper, 'tok_visa', {
        maxPaymentAttempts: 3,
        gatewayPatienceMs: 1_500,
        paymentRetryBackoffMs: 200,
      })
      const flaky = gatewayLosingAnswers(createTestGateway(h.redis, { processingMs: 1_000 }), 3)
      const worker = await h.worker(taskQueue, flaky.gateway)
      const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

      expect(flaky.calls()).toBeGreaterThan(1)
      const order = await h.orderOf(input.idempotencyKey)
      expect(result).toMatchObject({ status: 'paid', orderId: order!.id })
      const charges = await testGatewayCharges(h.redis, [order!.id])
      expect(charges.get(order!.id)).toEqual({
        succeeded: 1,
        capturedMinor: Number(order!.total_minor),
        refundedMinor: 0,
      })
      const captured = (await h.paymentsOf(order!.id)).filter((p) => p.status === 'captured')
      expect(captured).toHaveLength(1)
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 4, reserved: 0 })
    })
  },
)
