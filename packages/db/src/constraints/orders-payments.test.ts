import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { toJson } from '../json'
import type { NewRefund } from '../schema'
import { createTestDb, insertTestOrder, insertTestUser } from '../testing'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.destroy()
})

async function countOrders(idempotencyKey: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirstOrThrow()
  return row.n
}

describe('orders', () => {
  it('accepts an idempotency key once', async () => {
    const user = await insertTestUser(db)
    const key = `checkout-${randomUUID()}`
    await insertTestOrder(db, user.id, { idempotency_key: key })
    await expect(insertTestOrder(db, user.id, { idempotency_key: key })).rejects.toMatchObject({
      code: '23505',
      constraint: 'orders_idempotency_key_key',
    })
    expect(await countOrders(key)).toBe(1)
  })

  it('refuses totals that do not add up', async () => {
    const user = await insertTestUser(db)
    const key = `checkout-${randomUUID()}`
    await expect(
      insertTestOrder(db, user.id, {
        idempotency_key: key,
        subtotal_minor: 1000,
        tax_minor: 80,
        total_minor: 1000,
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'orders_total_adds_up' })
    expect(await countOrders(key)).toBe(0)
  })
})

describe('webhook_events', () => {
  it('stores a gateway event id once', async () => {
    const eventId = `evt_${randomUUID()}`
    const event = {
      gateway: 'stripe',
      event_id: eventId,
      type: 'payment_intent.succeeded',
      payload: toJson({ id: eventId }),
    }
    await db.insertInto('webhook_events').values(event).execute()
    await expect(db.insertInto('webhook_events').values(event).execute()).rejects.toMatchObject({
      code: '23505',
      constraint: 'webhook_events_event_id_key',
    })
    const rows = await db
      .selectFrom('webhook_events')
      .select('payload')
      .where('event_id', '=', eventId)
      .execute()
    expect(rows).toEqual([{ payload: { id: eventId } }])
  })
})

describe('refunds', () => {
  async function capturedPayment(captured: number): Promise<string> {
    const user = await insertTestUser(db)
    const order = await insertTestOrder(db, user.id, {
      subtotal_minor: captured,
      total_minor: captured,
    })
    const payment = await db
      .insertInto('payments')
      .values({
        order_id: order.id,
        gateway: 'stripe',
        intent_id: `pi_${randomUUID()}`,
        status: 'captured',
        amount_minor: captured,
        captured_minor: captured,
        currency: 'USD',
        idempotency_key: `pay-${order.id}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return payment.id
  }
  const refund = (
    paymentId: string,
    amount: number,
    extra: Partial<NewRefund> = {},
  ): NewRefund => ({
    payment_id: paymentId,
    amount_minor: amount,
    currency: 'USD',
    idempotency_key: `refund-${randomUUID()}`,
    ...extra,
  })
  async function refundedTotal(paymentId: string): Promise<number> {
    const row = await db
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
      .where('payment_id', '=', paymentId)
      .where('status', '<>', 'failed')
      .executeTakeFirstOrThrow()
    return Number(row.total)
  }

  it('refunds up to the captured amount and refuses one cent more', async () => {
    const paymentId = await capturedPayment(5000)
    await db.insertInto('refunds').values(refund(paymentId, 3000)).execute()
    await expect(
      db.insertInto('refunds').values(refund(paymentId, 2001)).execute(),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'refunds_within_captured',
    })
    expect(await refundedTotal(paymentId)).toBe(3000)
    await db
      .insertInto('refunds')
      .values(refund(paymentId, 2000, { status: 'succeeded' }))
      .execute()
    expect(await refundedTotal(paymentId)).toBe(5000)
  })

  it('does not count failed refunds, but checks one that is retried', async () => {
    const paymentId = await capturedPayment(1000)
    const failed = await db
      .insertInto('refunds')
      .values(refund(paymentId, 1000, { status: 'failed' }))
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('refunds').values(refund(paymentId, 600)).execute()
    await expect(
      db.updateTable('refunds').set({ status: 'pending' }).where('id', '=', failed.id).execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'refunds_within_captured' })
    expect(await refundedTotal(paymentId)).toBe(600)
  })

  it('refuses a refund in another currency than the payment', async () => {
    const paymentId = await capturedPayment(1000)
    await expect(
      db
        .insertInto('refunds')
        .values(refund(paymentId, 100, { currency: 'EUR' }))
        .execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'refunds_currency_matches_payment' })
  })
})
