import { closeFlashSale, flashSaleUnits, openFlashSale } from '@emporium/infra'
import type { CheckoutResult } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutCoupon,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow races on the Temporal dev server', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  /** Runs the shoppers' checkouts at the same time; returns each input with its result. */
  async function race(
    label: string,
    shoppers: Awaited<ReturnType<typeof createCheckoutShopper>>[],
  ) {
    const taskQueue = uniqueTaskQueue(label)
    const inputs = shoppers.map((s) => checkoutInputFor(s, 'tok_visa'))
    const worker = await h.worker(taskQueue)
    const results: CheckoutResult[] = await worker.runUntil(
      Promise.all(inputs.map(async (input) => (await h.start(taskQueue, input)).result())),
    )
    return inputs.map((input, i) => ({ input, result: results[i]! }))
  }

  it('two shoppers, one last unit: one paid order, the other sold out with no order and no charge', async () => {
    const v = await insertCheckoutVariant(h.db, 3_000, 1)
    const shoppers = await Promise.all(
      [1, 2].map(() => createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])),
    )
    const runs = await race('checkout-last-unit', shoppers)

    const paid = runs.filter((r) => r.result.status === 'paid')
    const refused = runs.filter((r) => r.result.status === 'cancelled')
    expect(paid).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0]!.result).toEqual({
      status: 'cancelled',
      orderId: null,
      orderNumber: null,
      failure: {
        code: 'sold_out',
        message: `Sold out: ${v.sku} (1 wanted, 0 left)`,
      },
    })
    expect(await h.orderOf(refused[0]!.input.idempotencyKey)).toBeUndefined()
    const order = await h.orderOf(paid[0]!.input.idempotencyKey)
    expect(order!.status).toBe('paid')
    expect((await h.paymentsOf(order!.id)).map((p) => p.status)).toEqual(['captured'])
    const charges = await h.db
      .selectFrom('payments as p')
      .innerJoin('order_items as i', 'i.order_id', 'p.order_id')
      .select('p.id')
      .where('i.variant_id', '=', v.variantId)
      .execute()
    expect(charges).toHaveLength(1)
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 0, reserved: 0 })
  })

  it('a flash-sale SKU with one unit left: the gate admits one shopper, the sale ends at zero', async () => {
    const v = await insertCheckoutVariant(h.db, 3_000, 1)
    await openFlashSale(h.redis, v.variantId, 1)
    try {
      const shoppers = await Promise.all(
        [1, 2].map(() => createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])),
      )
      const runs = await race('checkout-flash-sale', shoppers)
      expect(runs.map((r) => r.result.status).sort()).toEqual(['cancelled', 'paid'])
      const refused = runs.find((r) => r.result.status === 'cancelled')!.result
      expect(refused).toMatchObject({ failure: { code: 'sold_out' }, orderId: null })
      expect(await flashSaleUnits(h.redis, v.variantId)).toBe(0)
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 0, reserved: 0 })
    } finally {
      await closeFlashSale(h.redis, v.variantId)
    }
  })

  it('a coupon with one use left: one order gets it, the other checkout ends coupon_unavailable with stock released', async () => {
    const v = await insertCheckoutVariant(h.db, 3_000, 5)
    const coupon = await insertCheckoutCoupon(h.db, 500, 1)
    const shoppers = await Promise.all(
      [1, 2].map(() =>
        createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }], {
          couponCodes: [coupon.code],
        }),
      ),
    )
    const runs = await race('checkout-coupon-limit', shoppers)

    const paid = runs.find((r) => r.result.status === 'paid')
    const refused = runs.find((r) => r.result.status === 'cancelled')
    expect(refused?.result).toMatchObject({
      orderId: null,
      failure: { code: 'coupon_unavailable' },
    })
    expect(await h.orderOf(refused!.input.idempotencyKey)).toBeUndefined()
    const order = await h.orderOf(paid!.input.idempotencyKey)
    expect(await h.couponOf(coupon.id)).toEqual({
      timesRedeemed: 1,
      redemptions: [{ order_id: order!.id, discount_minor: 500 }],
    })
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 4, reserved: 0 })
  })
})
