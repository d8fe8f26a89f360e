import { createTestGateway } from '@emporium/infra'
import { checkoutProgressQuery, paymentResultSignal } from '@emporium/workflows'
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow exactly once on the Temporal dev server', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  it('the same checkout started 20 times at once runs once: one order, one payment', async () => {
    const taskQueue = uniqueTaskQueue('checkout-double-submit')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'tok_visa')
    const worker = await h.worker(taskQueue)
    const { starts, result } = await worker.runUntil(async () => {
      const starts = await Promise.allSettled(
        Array.from({ length: 20 }, () => h.start(taskQueue, input)),
      )
      const started = starts.find((s) => s.status === 'fulfilled')
      if (!started) throw new Error('no start succeeded')
      return { starts, result: await started.value.result() }
    })
    expect(starts.filter((s) => s.status === 'fulfilled')).toHaveLength(1)
    const rejected = starts.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))
    expect(rejected).toHaveLength(19)
    for (const reason of rejected)
      expect(reason).toBeInstanceOf(WorkflowExecutionAlreadyStartedError)
    expect(result.status).toBe('paid')
    const orders = await h.db
      .selectFrom('orders')
      .select('id')
      .where('user_id', '=', shopper.userId)
      .execute()
    expect(orders).toHaveLength(1)
    expect((await h.paymentsOf(orders[0]!.id)).map((p) => p.status)).toEqual(['captured'])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 4, reserved: 0 })
  })

  it('the same webhook result delivered 5 times, out of order, changes the order once', async () => {
    const taskQueue = uniqueTaskQueue('checkout-webhook-redelivery')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'tok_processing', {
      paymentPollIntervalMs: 60_000,
      paymentTimeoutMs: 120_000,
    })
    // Processing never settles by itself: only the webhook can decide this payment.
    const worker = await h.worker(taskQueue, createTestGateway(h.redis, { processingMs: 600_000 }))
    const result = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      await expect
        .poll(async () => (await handle.query(checkoutProgressQuery)).stage, {
          timeout: 90_000,
          interval: 100,
        })
        .toBe('awaiting_payment')
      const order = await h.orderOf(input.idempotencyKey)
      const [payment] = await h.paymentsOf(order!.id)
      const intentId = payment!.intent_id
      const t = Date.now()
      for (const occurredAt of [t, t - 5_000, t, t - 1_000, t]) {
        await handle.signal(paymentResultSignal, { intentId, status: 'succeeded', occurredAt })
      }
      return handle.result()
    })
    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual({
      status: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
    })
    expect((await h.paymentsOf(order!.id)).map((p) => p.status)).toEqual(['captured'])
    expect(await h.historyOf(order!.id)).toEqual(['∅→pending', 'pending→paid'])
    expect(await h.eventsOf(order!.id)).toEqual(['order.paid'])
  })
})
