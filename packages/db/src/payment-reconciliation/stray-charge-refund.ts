import { sql } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import { markRefundSucceeded, type OrderRefundedEvent } from '../refunds/settle-refund'

/** A refund of a charge that succeeded at the gateway after its order was cancelled. */
export interface StrayChargeRefund {
  refundId: string
  idempotencyKey: string
  amountMinor: number
  currency: string
}

const strayRefundKey = (paymentId: string) => `reconcile:${paymentId}:refund`

/**
 * Opens (or finds again, for a retried sweep) the refund of a stray charge: the payment is
 * recorded as captured in full (the gateway says it is) and a pending refund of all of it is
 * reserved, in one transaction. Null when the charge is already refunded in full.
 */
export async function reserveStrayChargeRefund(
  db: Db,
  paymentId: string,
): Promise<StrayChargeRefund | null> {
  return db.transaction().execute(async (trx) => {
    const payment = await trx
      .selectFrom('payments')
      .select(['id', 'amount_minor', 'captured_minor', 'refunded_minor', 'currency'])
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const key = strayRefundKey(paymentId)
    const existing = await trx
      .selectFrom('refunds')
      .select(['id', 'status', 'amount_minor', 'currency'])
      .where('idempotency_key', '=', key)
      .executeTakeFirst()
    if (existing?.status === 'succeeded') return null
    if (existing?.status === 'pending') {
      return {
        refundId: existing.id,
        idempotencyKey: key,
        amountMinor: existing.amount_minor,
        currency: existing.currency,
      }
    }
    const amount = Math.max(payment.amount_minor, payment.captured_minor)
    const left = amount - payment.refunded_minor
    if (left <= 0) return null
    await trx
      .updateTable('payments')
      .set({
        captured_minor: amount,
        refunded_minor: payment.refunded_minor + left,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', paymentId)
      .execute()
    const refund = await trx
      .insertInto('refunds')
      .values({
        payment_id: paymentId,
        amount_minor: left,
        currency: payment.currency,
        reason: 'The payment succeeded after the order was cancelled.',
        idempotency_key: key,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return {
      refundId: refund.id,
      idempotencyKey: key,
      amountMinor: left,
      currency: payment.currency,
    }
  })
}

/**
 * Settles a stray charge's refund the gateway accepted: refund succeeded, payment refunded, a note
 * in the order's history, a `refunded` reconciliation finding (closed at once: nothing is left for
 * a person to do) and `order.refunded` in the outbox so the shopper hears about it. Once per refund.
 */
export async function completeStrayChargeRefund(
  db: Db,
  input: { refundId: string; gatewayRefundId: string; intentId: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const refund = await markRefundSucceeded(trx, input)
    if (!refund) return false
    await trx
      .updateTable('payments')
      .set({ status: 'refunded', updated_at: sql<Date>`now()` })
      .where('id', '=', refund.payment_id)
      .execute()
    const order = await trx
      .selectFrom('payments as p')
      .innerJoin('orders as o', 'o.id', 'p.order_id')
      .select(['o.id', 'o.number', 'o.user_id', 'o.status'])
      .where('p.id', '=', refund.payment_id)
      .executeTakeFirstOrThrow()
    const detail = `Payment ${input.intentId} succeeded at the gateway after the order was cancelled; it was refunded in full.`
    await trx
      .insertInto('payment_reconciliation_findings')
      .values({
        payment_id: refund.payment_id,
        order_id: order.id,
        kind: 'gateway_succeeded_order_unpaid',
        action: 'refunded',
        gateway_status: 'succeeded',
        order_status: order.status,
        detail,
        resolved_at: sql<Date>`now()`,
      })
      .execute()
    await trx
      .insertInto('order_status_history')
      .values({
        order_id: order.id,
        from_status: order.status,
        to_status: order.status,
        actor: 'payment-reconciliation',
        note: detail,
      })
      .execute()
    const payload: OrderRefundedEvent = {
      orderId: order.id,
      orderNumber: order.number,
      userId: order.user_id,
      refundId: input.refundId,
      amount: { amount: refund.amount_minor, currency: refund.currency },
    }
    await recordOutboxEvent(trx, {
      aggregateType: 'order',
      aggregateId: order.id,
      eventType: 'order.refunded',
      payload,
    })
    return true
  })
}
