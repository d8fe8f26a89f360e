import type { TrackingStatus } from '@emporium/domain/fulfillment'
import { sql } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import type { FulfillmentStatus, OrderStatus } from '../schema'
import { advanceOrderStatus, lockOrderAndFulfillments } from './order-progress'

/** A carrier update a seller records on one of their parcels. */
export interface TrackingEventInput {
  sellerId: string
  shipmentId: string
  status: TrackingStatus
  description: string | null
  location: string | null
  occurredAt: Date
}

/** What recording did; `recorded` is false when the carrier sent the same update before. */
export type RecordTrackingResult =
  | {
      ok: true
      recorded: boolean
      fulfillmentStatus: FulfillmentStatus
      orderStatus: OrderStatus
    }
  | { ok: false; reason: 'not_found' }

/** Payload of `order.delivered` outbox events. */
export interface OrderDeliveredEvent {
  orderId: string
  orderNumber: number
  userId: string
  fulfillmentId: string
}

/**
 * Appends a tracking event (the same status at the same instant is stored once). A `delivered`
 * event marks the parcel and its fulfillment delivered, records `order.delivered`, and moves the
 * order to delivered once every fulfillment is.
 */
export async function recordTrackingEvent(
  db: Db,
  input: TrackingEventInput,
  now: Date,
): Promise<RecordTrackingResult> {
  const owned = await db
    .selectFrom('shipments as s')
    .innerJoin('fulfillments as f', 'f.id', 's.fulfillment_id')
    .select(['f.order_id', 'f.id as fulfillment_id'])
    .where('s.id', '=', input.shipmentId)
    .where('f.seller_id', '=', input.sellerId)
    .executeTakeFirst()
  if (!owned) return { ok: false, reason: 'not_found' }
  return db.transaction().execute(async (trx) => {
    const { order, fulfillments } = await lockOrderAndFulfillments(trx, owned.order_id)
    const mine = fulfillments.find((f) => f.id === owned.fulfillment_id)
    if (!mine) return { ok: false, reason: 'not_found' } as const
    const inserted = await trx
      .insertInto('tracking_events')
      .values({
        shipment_id: input.shipmentId,
        status: input.status,
        description: input.description,
        location: input.location,
        occurred_at: input.occurredAt,
        received_at: now,
      })
      .onConflict((oc) => oc.columns(['shipment_id', 'occurred_at', 'status']).doNothing())
      .returning('id')
      .executeTakeFirst()
    let fulfillmentStatus = mine.status
    let orderStatus = order.status
    if (input.status === 'delivered') {
      await trx
        .updateTable('shipments')
        .set({ delivered_at: sql<Date>`coalesce(delivered_at, ${input.occurredAt}::timestamptz)` })
        .where('id', '=', input.shipmentId)
        .execute()
      if (mine.status === 'shipped') {
        fulfillmentStatus = 'delivered'
        await trx
          .updateTable('fulfillments')
          .set({ status: 'delivered', updated_at: now })
          .where('id', '=', mine.id)
          .execute()
        const payload: OrderDeliveredEvent = {
          orderId: order.id,
          orderNumber: order.number,
          userId: order.user_id,
          fulfillmentId: mine.id,
        }
        await recordOutboxEvent(trx, {
          aggregateType: 'order',
          aggregateId: order.id,
          eventType: 'order.delivered',
          payload,
        })
        orderStatus = await advanceOrderStatus(
          trx,
          order,
          fulfillments.map((f) => (f.id === mine.id ? 'delivered' : f.status)),
          `seller:${input.sellerId}`,
          now,
          input.location ? `Delivered in ${input.location}` : undefined,
        )
      }
    }
    return { ok: true, recorded: inserted !== undefined, fulfillmentStatus, orderStatus } as const
  })
}
