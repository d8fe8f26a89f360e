import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb } from '../testing'
import { reserveRefund, type ReserveRefundInput } from './reserve-refund'
import { completeRefund, failRefund } from './settle-refund'
import { insertPaidTestOrder, type PaidTestOrder } from './test-fixtures'

describe('refunds (real PostgreSQL)', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await db.destroy()
  })

  const request = (order: PaidTestOrder, fields: Partial<ReserveRefundInput>) =>
    reserveRefund(db, {
      orderId: order.orderId,
      requestKey: `${order.orderId}:${randomUUID()}`,
      restock: false,
      reason: null,
      requestedBy: null,
      ...fields,
    })
  const reserved = async (order: PaidTestOrder, fields: Partial<ReserveRefundInput>) => {
    const result = await request(order, fields)
    if (!result.ok) throw new Error(result.message)
    return result
  }
  const payment = (order: PaidTestOrder) =>
    db
      .selectFrom('payments')
      .select(['status', 'refunded_minor'])
      .where('id', '=', order.paymentId)
      .executeTakeFirstOrThrow()
  const orderRow = (order: PaidTestOrder) =>
    db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', order.orderId)
      .executeTakeFirstOrThrow()
  const onHand = async (order: PaidTestOrder) =>
    (
      await db
        .selectFrom('inventory_levels')
        .select('on_hand')
        .where('variant_id', '=', order.variantId)
        .where('warehouse_id', '=', order.warehouseId)
        .executeTakeFirstOrThrow()
    ).on_hand

  it('refunds partial + partial up to the total, then refuses one more cent', async () => {
    const order = await insertPaidTestOrder(db)
    const first = await reserved(order, { amountMinor: 3_000 })
    const firstDone = await completeRefund(db, {
      refundId: first.refundId,
      gatewayRefundId: `re_${randomUUID()}`,
      actor: 'test',
    })
    expect(firstDone).toEqual({
      applied: true,
      orderStatus: 'partially_refunded',
      restockedUnits: 0,
    })
    const second = await reserved(order, { amountMinor: 7_000 })
    await completeRefund(db, {
      refundId: second.refundId,
      gatewayRefundId: `re_${randomUUID()}`,
      actor: 'test',
    })
    expect(await payment(order)).toEqual({ status: 'refunded', refunded_minor: 10_000 })
    expect((await orderRow(order)).status).toBe('refunded')

    expect(await request(order, { amountMinor: 1 })).toEqual({
      ok: false,
      code: 'REFUND_EXCEEDS_REMAINING',
      message: 'Nothing is left to refund: the full $100.00 has already been refunded',
    })
    expect(await payment(order)).toEqual({ status: 'refunded', refunded_minor: 10_000 })

    const history = await db
      .selectFrom('order_status_history')
      .select(['from_status', 'to_status', 'actor'])
      .where('order_id', '=', order.orderId)
      .orderBy('id')
      .execute()
    expect(history).toEqual([
      { from_status: 'paid', to_status: 'partially_refunded', actor: 'test' },
      { from_status: 'partially_refunded', to_status: 'refunded', actor: 'test' },
    ])
    const events = await db
      .selectFrom('outbox')
      .select(['event_type', 'payload'])
      .where('aggregate_id', '=', order.orderId)
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.event_type)).toEqual(['order.refunded', 'order.refunded'])
    expect(events[0]?.payload).toEqual({
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      userId: order.userId,
      refundId: first.refundId,
      amount: { amount: 3_000, currency: 'USD' },
    })
  })

  it('names what is left when a refund asks for more', async () => {
    const order = await insertPaidTestOrder(db)
    await reserved(order, { amountMinor: 9_000 })
    expect(await request(order, { amountMinor: 1_001 })).toMatchObject({
      ok: false,
      message: 'Cannot refund $10.01: only $10.00 of the $100.00 captured is left to refund',
    })
  })

  it('lets only one of two racing refunds through, and the database holds the line', async () => {
    const order = await insertPaidTestOrder(db)
    const results = await Promise.all([
      request(order, { amountMinor: 6_000 }),
      request(order, { amountMinor: 6_000 }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'REFUND_EXCEEDS_REMAINING' })
    expect((await payment(order)).refunded_minor).toBe(6_000)

    // Even a write that skips the checks cannot refund more than was captured.
    await expect(
      db
        .updateTable('payments')
        .set({ refunded_minor: 10_001 })
        .where('id', '=', order.paymentId)
        .execute(),
    ).rejects.toThrow(/payments_refunded_within_captured/)
    await expect(
      db
        .insertInto('refunds')
        .values({
          payment_id: order.paymentId,
          amount_minor: 4_001,
          currency: 'USD',
          idempotency_key: randomUUID(),
        })
        .execute(),
    ).rejects.toThrow(/would exceed captured amount/)
  })

  it('answers a repeated request with the same refund', async () => {
    const order = await insertPaidTestOrder(db)
    const requestKey = `${order.orderId}:${randomUUID()}`
    const [a, b] = await Promise.all([
      reserved(order, { amountMinor: 2_000, requestKey }),
      reserved(order, { amountMinor: 2_000, requestKey }),
    ])
    expect(a.refundId).toBe(b.refundId)
    expect([a.created, b.created].sort()).toEqual([false, true])
    expect((await payment(order)).refunded_minor).toBe(2_000)
  })

  it('refunds by items with their share of the line, restocking when asked', async () => {
    const order = await insertPaidTestOrder(db, { onHand: 10 })
    const [twoPack, single] = order.itemIds
    const withRestock = await reserved(order, {
      items: [{ orderItemId: twoPack, quantity: 1 }],
      restock: true,
    })
    expect(withRestock.amountMinor).toBe(2_500)
    const done = await completeRefund(db, {
      refundId: withRestock.refundId,
      gatewayRefundId: `re_${randomUUID()}`,
      actor: 'seller',
    })
    expect(done.restockedUnits).toBe(1)
    expect(await onHand(order)).toBe(11)
    // Completing again (a retried activity) changes nothing.
    await completeRefund(db, {
      refundId: withRestock.refundId,
      gatewayRefundId: `re_${randomUUID()}`,
      actor: 'seller',
    })
    expect(await onHand(order)).toBe(11)

    const noRestock = await reserved(order, {
      items: [{ orderItemId: single, quantity: 1 }],
      restock: false,
    })
    expect(noRestock.amountMinor).toBe(5_000)
    await completeRefund(db, {
      refundId: noRestock.refundId,
      gatewayRefundId: `re_${randomUUID()}`,
      actor: 'seller',
    })
    expect(await onHand(order)).toBe(11)

    expect(await request(order, { items: [{ orderItemId: single, quantity: 1 }] })).toEqual({
      ok: false,
      code: 'INVALID_ITEMS',
      message: `All 1 of ${(await db.selectFrom('order_items').select('sku').where('id', '=', single).executeTakeFirstOrThrow()).sku} have already been refunded.`,
    })
  })

  it('gives back what a failed refund held', async () => {
    const order = await insertPaidTestOrder(db)
    const refund = await reserved(order, {
      items: [{ orderItemId: order.itemIds[0], quantity: 2 }],
    })
    expect((await payment(order)).refunded_minor).toBe(5_000)
    expect(await failRefund(db, { refundId: refund.refundId, message: 'declined' })).toEqual({
      applied: true,
    })
    expect(await failRefund(db, { refundId: refund.refundId, message: 'declined' })).toEqual({
      applied: false,
    })
    expect(await payment(order)).toEqual({ status: 'captured', refunded_minor: 0 })
    const line = await db
      .selectFrom('order_items')
      .select('refunded_quantity')
      .where('id', '=', order.itemIds[0])
      .executeTakeFirstOrThrow()
    expect(line.refunded_quantity).toBe(0)
    expect((await orderRow(order)).status).toBe('paid')
  })

  it('refuses an order without a captured payment and another store’s items', async () => {
    const order = await insertPaidTestOrder(db)
    await db
      .updateTable('payments')
      .set({ status: 'voided' })
      .where('id', '=', order.paymentId)
      .execute()
    expect(await request(order, { amountMinor: 100 })).toMatchObject({
      ok: false,
      code: 'NOT_REFUNDABLE',
    })
    const other = await insertPaidTestOrder(db)
    expect(await request(other, { amountMinor: 100, sellerId: order.sellerId })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: 'No such order.',
    })
  })
})
