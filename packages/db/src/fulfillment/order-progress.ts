import { advanceOrder } from '@emporium/domain/fulfillment'
import type { Db } from '../client'
import type { FulfillmentStatus, Order } from '../schema'

/** The order row locked for update, then its fulfillments locked in id order (always this order). */
export async function lockOrderAndFulfillments(
  trx: Db,
  orderId: string,
): Promise<{
  order: Order
  fulfillments: { id: string; seller_id: string; status: FulfillmentStatus }[]
}> {
  const order = await trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const fulfillments = await trx
    .selectFrom('fulfillments')
    .select(['id', 'seller_id', 'status'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .forUpdate()
    .execute()
  return { order, fulfillments }
}

/**
 * Moves the order along (paid → fulfilling → shipped → delivered) as far as its fulfillments now
 * allow, each step checked by the order status machine and written to the status history.
 * Returns the order's status afterwards. Call inside the transaction holding the locks.
 */
export async function advanceOrderStatus(
  trx: Db,
  order: Pick<Order, 'id' | 'status'>,
  fulfillments: readonly FulfillmentStatus[],
  actor: string,
  now: Date,
  note?: string,
): Promise<Order['status']> {
  const steps = advanceOrder(order.status, fulfillments, now, note)
  const last = steps.at(-1)
  if (!last) return order.status
  await trx
    .insertInto('order_status_history')
    .values(
      steps.map((s) => ({
        order_id: order.id,
        from_status: s.from,
        to_status: s.to,
        actor,
        note: s.reason ?? null,
        created_at: now,
      })),
    )
    .execute()
  await trx
    .updateTable('orders')
    .set({ status: last.to, updated_at: now })
    .where('id', '=', order.id)
    .where('status', '=', order.status)
    .execute()
  return last.to
}
