import { canTransition, type OrderStatus } from '@emporium/domain'
import { sql } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import { formatMinor } from './reserve-refund'
import { restockRefundItems } from './restock-refund'

/** Payload of the `order.refunded` outbox event (aggregate: the order). */
export interface OrderRefundedEvent {
  orderId: string
  orderNumber: number
  userId: string
  refundId: string
  amount: { amount: number; currency: string }
}

export interface CompleteRefundResult {
  /** False when the refund was already settled (a retried activity): nothing was changed. */
  applied: boolean
  orderStatus: OrderStatus
  restockedUnits: number
}

/**
 * Marks a pending refund succeeded under the gateway's refund id; undefined when it was not
 * pending (already settled by an earlier try), so callers apply its effects once.
 */
export function markRefundSucceeded(db: Db, input: { refundId: string; gatewayRefundId: string }) {
  return db
    .updateTable('refunds')
    .set({
      status: 'succeeded',
      gateway_refund_id: input.gatewayRefundId,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', input.refundId)
    .where('status', '=', 'pending')
    .returning(['id', 'payment_id', 'amount_minor', 'currency', 'restock'])
    .executeTakeFirst()
}

/**
 * Settles a pending refund the gateway accepted, in one transaction: the refund succeeds, its items
 * go back on the shelf when restocking was chosen, the payment and the order move to partially
 * refunded / refunded (through the order status machine, with a history row) and `order.refunded`
 * is recorded in the outbox. Applied once per refund.
 */
export async function completeRefund(
  db: Db,
  input: { refundId: string; gatewayRefundId: string; actor: string },
): Promise<CompleteRefundResult> {
  return db.transaction().execute(async (trx) => {
    const refund = await markRefundSucceeded(trx, input)
    const current = await trx
      .selectFrom('refunds as r')
      .innerJoin('payments as p', 'p.id', 'r.payment_id')
      .innerJoin('orders as o', 'o.id', 'p.order_id')
      .select(['o.id as orderId', 'o.number', 'o.user_id', 'o.status as orderStatus'])
      .where('r.id', '=', input.refundId)
      .executeTakeFirstOrThrow()
    if (!refund) return { applied: false, orderStatus: current.orderStatus, restockedUnits: 0 }

    const payment = await trx
      .selectFrom('payments')
      .select(['id', 'captured_minor'])
      .where('id', '=', refund.payment_id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const succeeded = await trx
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
      .where('payment_id', '=', payment.id)
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow()
    const full = Number(succeeded.total) >= payment.captured_minor
    await trx
      .updateTable('payments')
      .set({ status: full ? 'refunded' : 'partially_refunded', updated_at: sql<Date>`now()` })
      .where('id', '=', payment.id)
      .execute()

    const to: OrderStatus = full ? 'refunded' : 'partially_refunded'
    let orderStatus = current.orderStatus
    if (canTransition(current.orderStatus, to)) {
      await trx
        .updateTable('orders')
        .set({ status: to, updated_at: sql<Date>`now()` })
        .where('id', '=', current.orderId)
        .execute()
      orderStatus = to
    }
    // Every refund gets a history row, also when the status stays (a further partial refund).
    await trx
      .insertInto('order_status_history')
      .values({
        order_id: current.orderId,
        from_status: current.orderStatus,
        to_status: orderStatus,
        actor: input.actor,
        note: `Refunded ${formatMinor(refund.amount_minor, refund.currency)} (${input.gatewayRefundId})`,
      })
      .execute()

    const restockedUnits = refund.restock ? await restockRefundItems(trx, refund.id) : 0
    const payload: OrderRefundedEvent = {
      orderId: current.orderId,
      orderNumber: current.number,
      userId: current.user_id,
      refundId: refund.id,
      amount: { amount: refund.amount_minor, currency: refund.currency },
    }
    await recordOutboxEvent(trx, {
      aggregateType: 'order',
      aggregateId: current.orderId,
      eventType: 'order.refunded',
      payload,
    })
    return { applied: true, orderStatus, restockedUnits }
  })
}

/**
 * Marks a pending refund failed (the gateway refused it) and gives back what it held: the
 * payment's refunded amount and its lines' refunded quantities. Applied once per refund.
 */
export async function failRefund(
  db: Db,
  input: { refundId: string; message: string },
): Promise<{ applied: boolean }> {
  return db.transaction().execute(async (trx) => {
    const items = await trx
      .selectFrom('refund_items')
      .select(['order_item_id', 'quantity'])
      .where('refund_id', '=', input.refundId)
      .orderBy('order_item_id')
      .execute()
    const refund = await trx
      .updateTable('refunds')
      .set({ status: 'failed', failure_message: input.message, updated_at: sql<Date>`now()` })
      .where('id', '=', input.refundId)
      .where('status', '=', 'pending')
      .returning(['payment_id', 'amount_minor'])
      .executeTakeFirst()
    if (!refund) return { applied: false }
    for (const item of items) {
      await trx
        .updateTable('order_items')
        .set((eb) => ({ refunded_quantity: eb('refunded_quantity', '-', item.quantity) }))
        .where('id', '=', item.order_item_id)
        .execute()
    }
    await trx
      .updateTable('payments')
      .set((eb) => ({ refunded_minor: eb('refunded_minor', '-', refund.amount_minor) }))
      .where('id', '=', refund.payment_id)
      .execute()
    return { applied: true }
  })
}
