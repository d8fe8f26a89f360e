import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb, insertTestOrder, insertTestUser } from '../testing'
import {
  findCheckoutOfIntent,
  findPaymentByIntentId,
  listOrderPayments,
  paymentIdempotencyKey,
  recordPaymentAttempt,
  type PaymentAttemptRecord,
} from './payments'

describe('payments: attempts recorded once, statuses only move forward', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => db?.destroy())

  async function attempt(): Promise<PaymentAttemptRecord> {
    const user = await insertTestUser(db)
    const workflowId = `checkout:${randomUUID()}`
    const order = await insertTestOrder(db, user.id, { checkout_workflow_id: workflowId })
    return {
      orderId: order.id,
      gateway: 'test',
      intentId: `tpi_${randomUUID()}`,
      attempt: 1,
      maxAttempts: 3,
      status: 'failed',
      amountMinor: 10_000,
      currency: 'USD',
      idempotencyKey: paymentIdempotencyKey(order.id, 1),
      failureCode: 'insufficient_funds',
      failureMessage: 'Your card has insufficient funds.',
    }
  }

  const failedEvents = (orderId: string) =>
    db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregate_id', '=', orderId)
      .where('event_type', '=', 'order.payment_failed')
      .execute()

  it('a failed attempt recorded many times at once is one row and one order.payment_failed event', async () => {
    const record = await attempt()
    await Promise.all(Array.from({ length: 8 }, () => recordPaymentAttempt(db, record)))
    expect(
      (await listOrderPayments(db, record.orderId)).map((p) => [p.status, p.failure_code]),
    ).toEqual([['failed', 'insufficient_funds']])
    const events = await failedEvents(record.orderId)
    expect(events).toHaveLength(1)
    expect(events[0]!.payload).toMatchObject({
      attempt: 1,
      maxAttempts: 3,
      // Not said by the caller: the attempt number decides (1 of 3 is not the last).
      final: false,
      declineCode: 'insufficient_funds',
    })
  })

  it('a late success captures a failed attempt; nothing moves a captured payment back', async () => {
    const record = await attempt()
    await recordPaymentAttempt(db, { ...record, status: 'requires_action', failureCode: null })
    await recordPaymentAttempt(db, { ...record, status: 'captured', failureCode: null })
    const after = await recordPaymentAttempt(db, record)
    expect(after).toMatchObject({ status: 'captured', captured_minor: 10_000 })
    expect(await recordPaymentAttempt(db, { ...record, status: 'voided' })).toMatchObject({
      status: 'captured',
    })
    expect(await failedEvents(record.orderId)).toEqual([])
    expect((await findPaymentByIntentId(db, record.intentId))?.order_id).toBe(record.orderId)
    const order = await db
      .selectFrom('orders')
      .select('checkout_workflow_id')
      .where('id', '=', record.orderId)
      .executeTakeFirstOrThrow()
    expect(await findCheckoutOfIntent(db, record.intentId)).toEqual({
      orderId: record.orderId,
      checkoutWorkflowId: order.checkout_workflow_id,
    })
  })
})
