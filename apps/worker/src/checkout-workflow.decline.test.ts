import { cartKey } from '@emporium/cart'
import { updatePaymentMethodSignal } from '@emporium/workflows'
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
  'checkoutWorkflow declines and payment retries on the Temporal dev server',
  { timeout: 180_000 },
  () => {
    let h: CheckoutHarness
    beforeAll(async () => {
      h = await createCheckoutHarness()
    })
    afterAll(async () => h?.close())

    it('a declined card cancels the order: stock back, coupon restored, failed payment kept, cart kept', async () => {
      const taskQueue = uniqueTaskQueue('checkout-decline')
      const v = await insertCheckoutVariant(h.db, 2_000, 5)
      const coupon = await insertCheckoutCoupon(h.db, 500, 10)
      const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 2 }], {
        couponCodes: [coupon.code],
      })
      const input = checkoutInputFor(shopper, 'tok_chargeDeclined', { maxPaymentAttempts: 1 })
      const worker = await h.worker(taskQueue)
      const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

      const order = await h.orderOf(input.idempotencyKey)
      expect(result).toEqual(
        cancelledResult(order!, {
          code: 'payment_declined',
          message: 'Your card was declined. The order was cancelled.',
        }),
      )
      expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'payment_declined' })
      expect(order!.cancelled_at).not.toBeNull()
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
      expect(await h.couponOf(coupon.id)).toEqual({ timesRedeemed: 0, redemptions: [] })
      expect(
        (await h.paymentsOf(order!.id)).map((p) => [p.status, p.failure_code, p.captured_minor]),
      ).toEqual([['failed', 'card_declined', 0]])
      expect(await h.historyOf(order!.id)).toEqual(['∅→pending', 'pending→cancelled'])
      expect(await h.eventsOf(order!.id)).toEqual(['order.payment_failed', 'order.cancelled'])
      expect(await h.redis.exists(cartKey(shopper.cartId))).toBe(1)
    })

    it('retries a soft decline with back-off until the attempts run out, telling the shopper each time', async () => {
      const taskQueue = uniqueTaskQueue('checkout-soft-decline')
      const v = await insertCheckoutVariant(h.db, 2_000, 5)
      const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
      const input = checkoutInputFor(shopper, 'tok_chargeDeclinedInsufficientFunds', {
        maxPaymentAttempts: 3,
      })
      const worker = await h.worker(taskQueue)
      const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

      const order = await h.orderOf(input.idempotencyKey)
      expect(result).toMatchObject({
        status: 'cancelled',
        failure: {
          code: 'payment_declined',
          message: 'Your card has insufficient funds. The order was cancelled.',
        },
      })
      expect(
        (await h.paymentsOf(order!.id)).map((p) => [p.status, p.failure_code, p.idempotency_key]),
      ).toEqual(
        [1, 2, 3].map((n) => ['failed', 'insufficient_funds', `order:${order!.id}:payment:${n}`]),
      )
      expect(await h.eventsOf(order!.id)).toEqual([
        'order.payment_failed',
        'order.payment_failed',
        'order.payment_failed',
        'order.cancelled',
      ])
      expect(await h.paymentFailedPayloadsOf(order!.id)).toEqual(
        [1, 2, 3].map((attempt) => ({
          orderId: order!.id,
          orderNumber: Number(order!.number),
          userId: shopper.userId,
          attempt,
          maxAttempts: 3,
          // Only the last attempt's failure ends the checkout.
          final: attempt === 3,
          message: 'Your card has insufficient funds.',
          declineCode: 'insufficient_funds',
        })),
      )
      // Each retry waited longer than the one before: 200 ms, then 400 ms (paymentRetryBackoffMs).
      const attempts = await h.db
        .selectFrom('payments')
        .select('created_at')
        .where('order_id', '=', order!.id)
        .orderBy('created_at')
        .execute()
      const at = attempts.map((a) => a.created_at.getTime())
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(200)
      expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(400)
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
    })

    it('after a decline, a new payment method from the shopper pays the same order', async () => {
      const taskQueue = uniqueTaskQueue('checkout-new-method')
      const v = await insertCheckoutVariant(h.db, 2_000, 5)
      const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
      const input = checkoutInputFor(shopper, 'tok_chargeDeclined', {
        maxPaymentAttempts: 3,
        paymentMethodWaitMs: 90_000,
      })
      const worker = await h.worker(taskQueue)
      const result = await worker.runUntil(async () => {
        const handle = await h.start(taskQueue, input)
        await untilStage(handle, 'retrying_payment', 90_000)
        await handle.signal(updatePaymentMethodSignal, { paymentMethodToken: 'tok_visa' })
        return handle.result()
      })

      const order = await h.orderOf(input.idempotencyKey)
      expect(result).toEqual({
        status: 'paid',
        orderId: order!.id,
        orderNumber: Number(order!.number),
      })
      expect(order!.status).toBe('paid')
      expect((await h.paymentsOf(order!.id)).map((p) => [p.status, p.captured_minor])).toEqual([
        ['failed', 0],
        ['captured', order!.total_minor],
      ])
      expect(await h.eventsOf(order!.id)).toEqual(['order.payment_failed', 'order.paid'])
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 4, reserved: 0 })
    })
  },
)
