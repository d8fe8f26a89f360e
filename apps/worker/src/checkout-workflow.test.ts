import { cartKey, userCartKey } from '@emporium/cart'
import {
  AMOUNT_MINOR_ATTRIBUTE,
  checkoutProgressQuery,
  CUSTOMER_ID_ATTRIBUTE,
  ORDER_ID_ATTRIBUTE,
  ORDER_STATUS_ATTRIBUTE,
  SELLER_IDS_ATTRIBUTE,
} from '@emporium/workflows'
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
describe('checkoutWorkflow happy path on the Temporal dev server', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  it('pays a two-seller order with a coupon: stock sold, coupon redeemed, cart cleared, order.paid recorded', async () => {
    const taskQueue = uniqueTaskQueue('checkout-happy')
    const a = await insertCheckoutVariant(h.db, 2_000, 5)
    const b = await insertCheckoutVariant(h.db, 1_000, 3)
    const coupon = await insertCheckoutCoupon(h.db, 500, 10)
    const shopper = await createCheckoutShopper(
      h.db,
      h.redis,
      [
        { ...a, quantity: 2 },
        { ...b, quantity: 1 },
      ],
      { couponCodes: [coupon.code] },
    )
    const input = checkoutInputFor(shopper, 'tok_visa')
    const worker = await h.worker(taskQueue)
    // Queries are answered by a running worker, so the progress is read before it stops.
    const { handle, result, progress } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      const result = await handle.result()
      return { handle, result, progress: await handle.query(checkoutProgressQuery) }
    })

    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual({
      status: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
    })
    // 5000 merchandise − 500 coupon = 4500; 4% tax = 180; free shipping from 50.00 is not reached.
    expect(order).toMatchObject({
      status: 'paid',
      currency: 'USD',
      subtotal_minor: 5_000,
      discount_minor: 500,
      tax_minor: 180,
      shipping_minor: 499,
      total_minor: 5_179,
      checkout_workflow_id: `checkout:${shopper.cartId}`,
      cart_id: shopper.cartId,
      cancel_reason: null,
      shipping_address: {
        fullName: 'Ada Lovelace',
        line1: '1 Analytical Way',
        line2: null,
        city: 'New York',
        region: 'NY',
        postalCode: '10001',
        country: 'US',
        phone: null,
      },
    })
    const items = await h.db
      .selectFrom('order_items')
      .select([
        'seller_id',
        'sku',
        'product_name',
        'unit_price_minor',
        'quantity',
        'tax_minor',
        'discount_minor',
      ])
      .where('order_id', '=', order!.id)
      .orderBy('unit_price_minor', 'desc')
      .execute()
    const nameOf = async (productId: string) =>
      (
        await h.db
          .selectFrom('products')
          .select('name')
          .where('id', '=', productId)
          .executeTakeFirstOrThrow()
      ).name
    expect(items).toEqual([
      {
        seller_id: a.sellerId,
        sku: a.sku,
        product_name: await nameOf(a.productId),
        unit_price_minor: 2_000,
        quantity: 2,
        tax_minor: 144,
        discount_minor: 400,
      },
      {
        seller_id: b.sellerId,
        sku: b.sku,
        product_name: await nameOf(b.productId),
        unit_price_minor: 1_000,
        quantity: 1,
        tax_minor: 36,
        discount_minor: 100,
      },
    ])
    expect(await h.stockOf(a.variantId)).toEqual({ onHand: 3, reserved: 0 })
    expect(await h.stockOf(b.variantId)).toEqual({ onHand: 2, reserved: 0 })
    expect(await h.couponOf(coupon.id)).toEqual({
      timesRedeemed: 1,
      redemptions: [{ order_id: order!.id, discount_minor: 500 }],
    })
    expect(await h.paymentsOf(order!.id)).toEqual([
      expect.objectContaining({
        gateway: 'test',
        status: 'captured',
        amount_minor: 5_179,
        captured_minor: 5_179,
        idempotency_key: `order:${order!.id}:payment:1`,
      }),
    ])
    expect(await h.historyOf(order!.id)).toEqual(['∅→pending', 'pending→paid'])
    const fulfillments = await h.db
      .selectFrom('fulfillments')
      .select('seller_id')
      .where('order_id', '=', order!.id)
      .execute()
    expect(fulfillments.map((f) => f.seller_id).sort()).toEqual([a.sellerId, b.sellerId].sort())
    expect(await h.eventsOf(order!.id)).toEqual(['order.paid'])
    expect(await h.redis.exists(cartKey(shopper.cartId), userCartKey(shopper.userId))).toBe(0)

    expect(progress).toEqual({
      stage: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
      paymentClientSecret: null,
      paymentAttempts: 1,
      failure: null,
    })
    const attributes = (await handle.describe()).typedSearchAttributes
    expect(attributes.get(CUSTOMER_ID_ATTRIBUTE)).toBe(shopper.userId)
    expect(attributes.get(ORDER_ID_ATTRIBUTE)).toBe(order!.id)
    expect(attributes.get(ORDER_STATUS_ATTRIBUTE)).toBe('paid')
    expect(attributes.get(AMOUNT_MINOR_ATTRIBUTE)).toBe(5_179)
    expect(attributes.get(SELLER_IDS_ATTRIBUTE)?.slice().sort()).toEqual(
      [a.sellerId, b.sellerId].sort(),
    )
  })

  it('waits out a processing payment by polling the gateway, then pays', async () => {
    const taskQueue = uniqueTaskQueue('checkout-processing')
    const v = await insertCheckoutVariant(h.db, 6_000, 2)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'tok_processing')
    const worker = await h.worker(taskQueue)
    const { stages, result } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      const stages = new Set<string>()
      await expect
        .poll(
          async () => {
            const stage = (await handle.query(checkoutProgressQuery)).stage
            stages.add(stage)
            return stage
          },
          { timeout: 90_000, interval: 100 },
        )
        .toBe('paid')
      return { stages, result: await handle.result() }
    })
    expect(stages).toContain('awaiting_payment')
    expect(result.status).toBe('paid')
    const order = await h.orderOf(input.idempotencyKey)
    // 60.00 reaches free shipping; 4% tax = 2.40.
    expect(order).toMatchObject({ status: 'paid', total_minor: 6_240, shipping_minor: 0 })
    expect((await h.paymentsOf(order!.id)).map((p) => [p.status, p.captured_minor])).toEqual([
      ['captured', 6_240],
    ])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 1, reserved: 0 })
  })
})
