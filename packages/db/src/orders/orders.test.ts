import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb, insertTestUser, insertTestVariant, testPiiKeyRing } from '../testing'
import {
  createPendingOrder,
  findOrderByIdempotencyKey,
  type PendingOrderInput,
} from './create-order'
import { cancelPendingOrder, markOrderPaid } from './order-transitions'

const pii = testPiiKeyRing()

describe('orders: pending order, paid, cancelled', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => db?.destroy())

  async function orderInput(usageLimitTotal: number | null = 5): Promise<PendingOrderInput> {
    const user = await insertTestUser(db)
    const a = await insertTestVariant(db)
    const b = await insertTestVariant(db)
    const coupon = await db
      .insertInto('coupons')
      .values({
        code: `T-${randomUUID()}`,
        kind: 'fixed',
        value: 300,
        currency: 'USD',
        usage_limit_total: usageLimitTotal,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow()
    const line = (v: typeof a, unit: number, qty: number, discount: number) => ({
      variantId: v.variantId,
      productId: v.productId,
      sellerId: v.sellerId,
      productName: 'Lamp',
      sku: v.sku,
      unitPriceMinor: unit,
      quantity: qty,
      taxMinor: 0,
      discountMinor: discount,
    })
    return {
      userId: user.id,
      cartId: randomUUID(),
      idempotencyKey: `key-${randomUUID()}`,
      checkoutWorkflowId: `checkout:${randomUUID()}`,
      currency: 'EUR',
      subtotalMinor: 3_000,
      discountMinor: 300,
      taxMinor: 0,
      shippingMinor: 499,
      totalMinor: 3_199,
      exchangeRate: { base: 'USD', rate: '0.92' },
      shippingAddress: { line1: '1 Main St', country: 'DE' },
      lines: [line(a, 1_000, 2, 200), line(b, 1_000, 1, 100)],
      coupons: [{ couponId: coupon.id, code: coupon.code, discountMinor: 300 }],
    }
  }

  const couponCount = async (input: PendingOrderInput) =>
    (
      await db
        .selectFrom('coupons')
        .select('times_redeemed')
        .where('id', '=', input.coupons[0]!.couponId)
        .executeTakeFirstOrThrow()
    ).times_redeemed

  it('creates the order once per idempotency key, with lines, history, coupon use and exchange rate', async () => {
    const input = await orderInput()
    const [first, second] = await Promise.all([
      createPendingOrder(db, pii, input),
      createPendingOrder(db, pii, input),
    ])
    expect(first.ok && second.ok).toBe(true)
    if (!first.ok || !second.ok) return
    expect(first.orderId).toBe(second.orderId)
    expect([first.created, second.created].sort()).toEqual([false, true])
    const order = await db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', first.orderId)
      .executeTakeFirstOrThrow()
    expect(order).toMatchObject({
      status: 'pending',
      total_minor: 3_199,
      exchange_rate_base: 'USD',
      exchange_rate: '0.9200000000',
    })
    const items = await db
      .selectFrom('order_items')
      .select('id')
      .where('order_id', '=', first.orderId)
      .execute()
    expect(items).toHaveLength(2)
    expect(await couponCount(input)).toBe(1)
  })

  it("never hands out or cancels another checkout's order that uses the same key", async () => {
    const input = await orderInput()
    const created = await createPendingOrder(db, pii, input)
    if (!created.ok) throw new Error('order not created')
    const stranger = await orderInput()
    const sameKey = { ...stranger, idempotencyKey: input.idempotencyKey }
    const refusal = {
      ok: false,
      code: 'idempotency_key_in_use',
      message:
        'This Idempotency-Key already names another order; place the order again with a new key.',
    }
    // Another shopper, and the same shopper's other cart, are both refused.
    expect(await createPendingOrder(db, pii, sameKey)).toEqual(refusal)
    expect(
      await createPendingOrder(db, pii, {
        ...sameKey,
        userId: input.userId,
        coupons: [],
      }),
    ).toEqual(refusal)
    expect(await couponCount(stranger)).toBe(0)
    expect(await findOrderByIdempotencyKey(db, input.idempotencyKey)).toEqual({
      userId: input.userId,
      checkoutWorkflowId: input.checkoutWorkflowId,
    })
    expect(await findOrderByIdempotencyKey(db, `unused-${randomUUID()}`)).toBeUndefined()

    // The refused checkout's compensation finds no order of its own to cancel.
    const cancel = (checkoutWorkflowId: string) =>
      cancelPendingOrder(db, {
        idempotencyKey: input.idempotencyKey,
        checkoutWorkflowId,
        reason: 'cart_invalid',
        message: 'Refused.',
        actor: 'test',
      })
    expect(await cancel(stranger.checkoutWorkflowId)).toEqual({ outcome: 'no_order' })
    const order = await db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', created.orderId)
      .executeTakeFirstOrThrow()
    expect(order.status).toBe('pending')
    expect(await couponCount(input)).toBe(1)
    expect(await cancel(input.checkoutWorkflowId)).toMatchObject({ outcome: 'cancelled' })
  })

  it('a coupon at its limit refuses the order and leaves nothing behind', async () => {
    const input = await orderInput(1)
    await db
      .updateTable('coupons')
      .set({ times_redeemed: 1 })
      .where('id', '=', input.coupons[0]!.couponId)
      .execute()
    const result = await createPendingOrder(db, pii, input)
    expect(result).toEqual({
      ok: false,
      code: 'coupon_unavailable',
      couponCode: input.coupons[0]!.code,
      message: `Coupon ${input.coupons[0]!.code} has been used up.`,
    })
    expect(
      await db
        .selectFrom('orders')
        .select('id')
        .where('idempotency_key', '=', input.idempotencyKey)
        .execute(),
    ).toEqual([])
    expect(await couponCount(input)).toBe(1)
  })

  it('marks paid once: one fulfillment per seller, one order.paid event; a paid order is not cancelled', async () => {
    const input = await orderInput()
    const created = await createPendingOrder(db, pii, input)
    if (!created.ok) throw new Error('order not created')
    const paid = await Promise.all(
      [1, 2].map(() => markOrderPaid(db, { orderId: created.orderId, actor: 'test' })),
    )
    expect(paid.map((p) => p.outcome).sort()).toEqual(['already_paid', 'paid'])
    const sellers = await db
      .selectFrom('fulfillments')
      .select('seller_id')
      .where('order_id', '=', created.orderId)
      .execute()
    expect(sellers.map((s) => s.seller_id).sort()).toEqual(
      input.lines.map((l) => l.sellerId).sort(),
    )
    const events = await db
      .selectFrom('outbox')
      .select(['event_type', 'payload'])
      .where('aggregate_id', '=', created.orderId)
      .execute()
    expect(events).toEqual([
      {
        event_type: 'order.paid',
        payload: {
          orderId: created.orderId,
          orderNumber: created.orderNumber,
          userId: input.userId,
          total: { amount: 3_199, currency: 'EUR' },
        },
      },
    ])
    const cancel = await cancelPendingOrder(db, {
      orderId: created.orderId,
      reason: 'customer_cancelled',
      message: 'No',
      actor: 'test',
    })
    expect(cancel).toMatchObject({ outcome: 'refused', status: 'paid' })
  })

  it('cancels once by idempotency key, restoring the coupon; no order means nothing to cancel', async () => {
    const input = await orderInput()
    const created = await createPendingOrder(db, pii, input)
    if (!created.ok) throw new Error('order not created')
    const cancel = (key: string) =>
      cancelPendingOrder(db, {
        idempotencyKey: key,
        reason: 'payment_declined',
        message: 'Declined.',
        actor: 'test',
      })
    expect(await cancel(input.idempotencyKey)).toEqual({
      outcome: 'cancelled',
      orderId: created.orderId,
      restoredCoupons: 1,
    })
    expect(await cancel(input.idempotencyKey)).toEqual({
      outcome: 'already_cancelled',
      orderId: created.orderId,
    })
    expect(await cancel(`missing-${randomUUID()}`)).toEqual({ outcome: 'no_order' })
    expect(await couponCount(input)).toBe(0)
    const paid = await markOrderPaid(db, { orderId: created.orderId, actor: 'test' })
    expect(paid.outcome).toBe('refused')
    // The checkout workflow id is free again for the same cart's next checkout.
    const again = await createPendingOrder(db, pii, {
      ...input,
      idempotencyKey: `key-${randomUUID()}`,
    })
    expect(again.ok).toBe(true)
  })
})
