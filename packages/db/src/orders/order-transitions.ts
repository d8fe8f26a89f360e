import { transition, type InvalidTransitionError } from '@emporium/domain'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../client'
import { restoreCoupon } from '../cart/coupons'
import { recordOutboxEvent } from '../outbox'
import type { Database, OrderStatus } from '../schema'

/** The order fields a status change needs, read under a row lock. */
interface LockedOrder {
  id: string
  number: number
  user_id: string
  status: OrderStatus
  currency: string
  total_minor: number
}

async function lockOrder(
  trx: Transaction<Database>,
  where: { id: string } | { idempotencyKey: string; checkoutWorkflowId?: string },
): Promise<LockedOrder | undefined> {
  const query = trx
    .selectFrom('orders')
    .select(['id', 'number', 'user_id', 'status', 'currency', 'total_minor'])
    .forUpdate()
  if ('id' in where) return query.where('id', '=', where.id).executeTakeFirst()
  const byKey = query.where('idempotency_key', '=', where.idempotencyKey)
  return where.checkoutWorkflowId === undefined
    ? byKey.executeTakeFirst()
    : byKey.where('checkout_workflow_id', '=', where.checkoutWorkflowId).executeTakeFirst()
}

/** Moves a locked order to `to` through the domain status machine and records the history row. */
async function moveTo(
  trx: Transaction<Database>,
  order: LockedOrder,
  to: OrderStatus,
  now: Date,
  actor: string,
  note: string | null,
): Promise<InvalidTransitionError | null> {
  const result = transition({ status: order.status, history: [] }, to, now, note ?? undefined)
  if (!result.ok) return result.error
  await trx
    .updateTable('orders')
    .set({
      status: to,
      updated_at: now,
      ...(to === 'paid' ? { paid_at: now } : {}),
      ...(to === 'cancelled' ? { cancelled_at: now } : {}),
    })
    .where('id', '=', order.id)
    .execute()
  await trx
    .insertInto('order_status_history')
    .values({ order_id: order.id, from_status: order.status, to_status: to, actor, note })
    .execute()
  return null
}

/** What markOrderPaid did. */
export type MarkOrderPaidResult =
  | { outcome: 'paid' | 'already_paid'; orderId: string; orderNumber: number }
  | { outcome: 'refused'; orderId: string; status: OrderStatus; message: string }

/**
 * Marks a pending order paid: status history, one fulfillment per seller of its lines and an
 * `order.paid` outbox event, all in one transaction. Idempotent: an order already past pending
 * (paid or further along) is left alone; a cancelled one is refused.
 */
export function markOrderPaid(
  db: Db,
  input: { orderId: string; actor: string; note?: string; now?: Date },
): Promise<MarkOrderPaidResult> {
  return db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, { id: input.orderId })
    if (!order) throw new Error(`Order ${input.orderId} does not exist`)
    const number = Number(order.number)
    if (order.status !== 'pending') {
      return order.status === 'cancelled'
        ? {
            outcome: 'refused' as const,
            orderId: order.id,
            status: order.status,
            message: `Order ${number} was cancelled and cannot be marked paid`,
          }
        : { outcome: 'already_paid' as const, orderId: order.id, orderNumber: number }
    }
    const refused = await moveTo(
      trx,
      order,
      'paid',
      input.now ?? new Date(),
      input.actor,
      input.note ?? null,
    )
    if (refused) throw refused
    const sellers = await trx
      .selectFrom('order_items')
      .select('seller_id')
      .distinct()
      .where('order_id', '=', order.id)
      .orderBy('seller_id')
      .execute()
    if (sellers.length > 0) {
      await trx
        .insertInto('fulfillments')
        .values(sellers.map((s) => ({ order_id: order.id, seller_id: s.seller_id })))
        .onConflict((oc) => oc.columns(['order_id', 'seller_id']).doNothing())
        .execute()
    }
    await recordOutboxEvent(trx, {
      aggregateType: 'order',
      aggregateId: order.id,
      eventType: 'order.paid',
      payload: {
        orderId: order.id,
        orderNumber: number,
        userId: order.user_id,
        total: { amount: Number(order.total_minor), currency: order.currency },
      },
    })
    return { outcome: 'paid' as const, orderId: order.id, orderNumber: number }
  })
}

/** What cancelPendingOrder did. */
export type CancelPendingOrderResult =
  | { outcome: 'cancelled'; orderId: string; restoredCoupons: number }
  | { outcome: 'already_cancelled'; orderId: string }
  | { outcome: 'no_order' }
  | { outcome: 'refused'; orderId: string; status: OrderStatus; message: string }

/**
 * Cancels a pending order (found by id or by its idempotency key, and then only the order of
 * `checkoutWorkflowId` when given) with a reason: gives its coupon uses back, records the history
 * row and an `order.cancelled` outbox event in one transaction. Idempotent, and a no-op when no
 * order was created. A paid order is refused: it needs a refund.
 */
export function cancelPendingOrder(
  db: Db,
  input: ({ orderId: string } | { idempotencyKey: string; checkoutWorkflowId?: string }) & {
    reason: string
    message: string
    actor: string
    now?: Date
  },
): Promise<CancelPendingOrderResult> {
  return db.transaction().execute(async (trx) => {
    const order = await lockOrder(
      trx,
      'orderId' in input
        ? { id: input.orderId }
        : { idempotencyKey: input.idempotencyKey, checkoutWorkflowId: input.checkoutWorkflowId },
    )
    if (!order) return { outcome: 'no_order' as const }
    if (order.status === 'cancelled')
      return { outcome: 'already_cancelled' as const, orderId: order.id }
    if (order.status !== 'pending') {
      return {
        outcome: 'refused' as const,
        orderId: order.id,
        status: order.status,
        message: `Order ${Number(order.number)} is ${order.status}; only a pending order is cancelled by its checkout`,
      }
    }
    const now = input.now ?? new Date()
    const restoredCoupons = await restoreCoupon(trx, order.id)
    const refused = await moveTo(trx, order, 'cancelled', now, input.actor, input.message)
    if (refused) throw refused
    await trx
      .updateTable('orders')
      .set({ cancel_reason: input.reason, updated_at: sql<Date>`now()` })
      .where('id', '=', order.id)
      .execute()
    await recordOutboxEvent(trx, {
      aggregateType: 'order',
      aggregateId: order.id,
      eventType: 'order.cancelled',
      payload: {
        orderId: order.id,
        orderNumber: Number(order.number),
        userId: order.user_id,
        reason: input.reason,
        message: input.message,
      },
    })
    return { outcome: 'cancelled' as const, orderId: order.id, restoredCoupons }
  })
}
