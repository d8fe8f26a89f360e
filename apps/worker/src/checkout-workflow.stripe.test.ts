import { createStripe, createStripeGateway } from '@emporium/infra'
import { checkoutProgressQuery, paymentResultSignal } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow with the Stripe gateway on stripe-mock', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  it('charges through Stripe with the order-derived idempotency key; the webhook success pays the order, stale results are ignored', async () => {
    const stripe = createStripe(h.config)
    if (!stripe) throw new Error('STRIPE_SECRET_KEY must be set for this test')
    const taskQueue = uniqueTaskQueue('checkout-stripe')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'pm_card_visa', {
      maxPaymentAttempts: 2,
      paymentMethodWaitMs: 60_000,
    })
    const worker = await h.worker(taskQueue, createStripeGateway(stripe))
    const result = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      // stripe-mock answers every confirmation with the same fixture (an intent carrying a payment
      // error), so the outcome arrives the way Stripe reports asynchronous ones: by webhook.
      await expect
        .poll(async () => (await handle.query(checkoutProgressQuery)).stage, {
          timeout: 90_000,
          interval: 100,
        })
        .toBe('retrying_payment')
      const order = await h.orderOf(input.idempotencyKey)
      const [payment] = await h.paymentsOf(order!.id)
      expect(payment).toMatchObject({
        gateway: 'stripe',
        status: 'failed',
        idempotency_key: `order:${order!.id}:payment:1`,
        intent_id: expect.stringMatching(/^pi_/) as string,
      })
      const now = Date.now()
      const intentId = payment!.intent_id
      await handle.signal(paymentResultSignal, { intentId, status: 'succeeded', occurredAt: now })
      // A redelivery and an older event arriving late change nothing.
      await handle.signal(paymentResultSignal, { intentId, status: 'succeeded', occurredAt: now })
      await handle.signal(paymentResultSignal, {
        intentId,
        status: 'failed',
        declineCode: 'card_declined',
        occurredAt: now - 60_000,
      })
      return handle.result()
    })

    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual({
      status: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
    })
    expect(order!.status).toBe('paid')
    expect(
      (await h.paymentsOf(order!.id)).map((p) => [p.gateway, p.status, p.captured_minor]),
    ).toEqual([['stripe', 'captured', order!.total_minor]])
    expect(await h.eventsOf(order!.id)).toEqual(['order.payment_failed', 'order.paid'])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 4, reserved: 0 })
  })
})
