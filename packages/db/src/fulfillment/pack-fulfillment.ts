import { packRefusal } from '@emporium/domain/fulfillment'
import type { Db } from '../client'
import type { OrderStatus } from '../schema'
import { advanceOrderStatus, lockOrderAndFulfillments } from './order-progress'

/** What packing did, or why it was refused. */
export type PackFulfillmentResult =
  | { ok: true; orderStatus: OrderStatus }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'refused'; message: string }

/**
 * Marks a seller's pending fulfillment packed; a paid order becomes fulfilling ("preparing your
 * order") with a history row. No outbox event: nothing has left the store yet.
 */
export async function packFulfillment(
  db: Db,
  input: { sellerId: string; fulfillmentId: string },
  now: Date,
): Promise<PackFulfillmentResult> {
  const owned = await db
    .selectFrom('fulfillments')
    .select('order_id')
    .where('id', '=', input.fulfillmentId)
    .where('seller_id', '=', input.sellerId)
    .executeTakeFirst()
  if (!owned) return { ok: false, reason: 'not_found' }
  return db.transaction().execute(async (trx) => {
    const { order, fulfillments } = await lockOrderAndFulfillments(trx, owned.order_id)
    const mine = fulfillments.find((f) => f.id === input.fulfillmentId)
    if (!mine) return { ok: false, reason: 'not_found' } as const
    const refusal = packRefusal(order.status, mine.status)
    if (refusal) return { ok: false, reason: 'refused', message: refusal.message } as const
    await trx
      .updateTable('fulfillments')
      .set({ status: 'packed', updated_at: now })
      .where('id', '=', mine.id)
      .execute()
    const orderStatus = await advanceOrderStatus(
      trx,
      order,
      fulfillments.map((f) => (f.id === mine.id ? 'packed' : f.status)),
      `seller:${input.sellerId}`,
      now,
    )
    return { ok: true, orderStatus } as const
  })
}
