import { createTestGateway } from '@emporium/infra'
import { cancelCheckoutUpdate, checkoutProgressQuery } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutCoupon,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import {
  cancelledResult,
  createCheckoutHarness,
  untilStage,
  type CheckoutHarness,
} from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe(
  'checkoutWorkflow timeout and customer cancel on the Temporal dev server',
  { timeout: 180_000 },
  () => {
    let h: CheckoutHarness
    beforeAll(async () => {
      h = await createCheckoutHarness()
    })
    afterAll(async () => h?.close())

    /** A gateway whose "processing" payments take ten minutes to settle. */
    const slowGateway = () => createTestGateway(h.redis, { processingMs: 600_000 })

    async function pendingCheckout(label: string) {
      const v = await insertCheckoutVariant(h.db, 2_000, 5)
      const coupon = await insertCheckoutCoupon(h.db, 500, 10)
      const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 2 }], {
        couponCodes: [coupon.code],
      })
      return { taskQueue: uniqueTaskQueue(label), v, coupon, shopper }
    }

    it('a payment that stays processing past the timeout is voided and the order cancelled', async () => {
      const { taskQueue, v, coupon, shopper } = await pendingCheckout('checkout-timeout')
      const input = checkoutInputFor(shopper, 'tok_processing', { paymentTimeoutMs: 1_500 })
      const worker = await h.worker(taskQueue, slowGateway())
      const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

      const order = await h.orderOf(input.idempotencyKey)
      expect(result).toEqual(
        cancelledResult(order!, {
          code: 'payment_timeout',
          message:
            'Your payment was not confirmed in time, so the order was cancelled; nothing was charged.',
        }),
      )
      expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'payment_timeout' })
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
      expect(await h.couponOf(coupon.id)).toEqual({ timesRedeemed: 0, redemptions: [] })
      expect((await h.paymentsOf(order!.id)).map((p) => [p.status, p.captured_minor])).toEqual([
        ['voided', 0],
      ])
      expect(await h.eventsOf(order!.id)).toEqual(['order.cancelled'])
    })

    it('the shopper cancels while the payment is pending: accepted, payment voided, everything undone', async () => {
      const { taskQueue, v, coupon, shopper } = await pendingCheckout('checkout-cancel')
      const input = checkoutInputFor(shopper, 'tok_processing', { paymentTimeoutMs: 60_000 })
      const worker = await h.worker(taskQueue, slowGateway())
      const { answer, result, progress } = await worker.runUntil(async () => {
        const handle = await h.start(taskQueue, input)
        await untilStage(handle, 'awaiting_payment', 90_000)
        const answer = await handle.executeUpdate(cancelCheckoutUpdate, {
          args: [{ reason: 'I ordered the wrong size.' }],
        })
        const result = await handle.result()
        return { answer, result, progress: await handle.query(checkoutProgressQuery) }
      })

      expect(answer).toEqual({
        accepted: true,
        message: 'Your checkout has been cancelled; nothing was charged.',
      })
      const order = await h.orderOf(input.idempotencyKey)
      const failure = { code: 'customer_cancelled', message: 'I ordered the wrong size.' }
      expect(result).toEqual(cancelledResult(order!, failure))
      expect(progress).toMatchObject({ stage: 'cancelled', paymentAttempts: 1, failure })
      expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'customer_cancelled' })
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
      expect(await h.couponOf(coupon.id)).toEqual({ timesRedeemed: 0, redemptions: [] })
      expect((await h.paymentsOf(order!.id)).map((p) => p.status)).toEqual(['voided'])
      expect(await h.historyOf(order!.id)).toEqual(['∅→pending', 'pending→cancelled'])
    })
  },
)
