import { shipRefusal } from '@emporium/domain/fulfillment'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import type { OrderStatus } from '../schema'
import { advanceOrderStatus, lockOrderAndFulfillments } from './order-progress'

/** A seller sending their part of an order. */
export interface ShipFulfillmentInput {
  sellerId: string
  fulfillmentId: string
  carrier: string
  trackingNumber: string
}

/** What shipping did, or why it was refused. */
export type ShipFulfillmentResult =
  | { ok: true; shipmentId: string; orderStatus: OrderStatus }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'tracking_taken' }

/** Payload of `order.shipped` outbox events. */
export interface OrderShippedEvent {
  orderId: string
  orderNumber: number
  userId: string
  fulfillmentId: string
  sellerId: string
  carrier: string
  trackingNumber: string
}

/**
 * Records the parcel of a seller's fulfillment, marks the fulfillment shipped and moves the order
 * to fulfilling (others still to ship) or shipped (all shipped), with history rows and an
 * `order.shipped` outbox event, all in one transaction.
 */
export async function shipFulfillment(
  db: Db,
  input: ShipFulfillmentInput,
  now: Date,
): Promise<ShipFulfillmentResult> {
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
    const refusal = shipRefusal(order.status, mine.status)
    if (refusal) return { ok: false, reason: 'refused', message: refusal.message } as const
    const shipment = await trx
      .insertInto('shipments')
      .values({
        fulfillment_id: mine.id,
        carrier: input.carrier,
        tracking_number: input.trackingNumber,
        shipped_at: now,
      })
      .onConflict((oc) => oc.columns(['carrier', 'tracking_number']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!shipment) return { ok: false, reason: 'tracking_taken' } as const
    await trx
      .updateTable('fulfillments')
      .set({ status: 'shipped', updated_at: now })
      .where('id', '=', mine.id)
      .execute()
    const statuses = fulfillments.map((f) => (f.id === mine.id ? 'shipped' : f.status))
    const orderStatus = await advanceOrderStatus(
      trx,
      order,
      statuses,
      `seller:${input.sellerId}`,
      now,
      `Shipped with ${input.carrier}, tracking ${input.trackingNumber}`,
    )
    const payload: OrderShippedEvent = {
      orderId: order.id,
      orderNumber: order.number,
      userId: order.user_id,
      fulfillmentId: mine.id,
      sellerId: input.sellerId,
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
    }
    await recordOutboxEvent(trx, {
      aggregateType: 'order',
      aggregateId: order.id,
      eventType: 'order.shipped',
      payload,
    })
    return { ok: true, shipmentId: shipment.id, orderStatus } as const
  })
}
