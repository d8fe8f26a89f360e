import type { Db } from '../client'
import type { Shipment, TrackingEvent } from '../schema'

/** A parcel with its carrier updates, oldest first. */
export type ShipmentWithEvents = Shipment & { events: TrackingEvent[] }

/** The parcels of the given fulfillments with their tracking events, each list oldest first. */
export async function loadShipments(
  db: Db,
  fulfillmentIds: readonly string[],
): Promise<ShipmentWithEvents[]> {
  if (fulfillmentIds.length === 0) return []
  const shipments = await db
    .selectFrom('shipments')
    .selectAll()
    .where('fulfillment_id', 'in', fulfillmentIds)
    .orderBy('shipped_at')
    .orderBy('id')
    .execute()
  if (shipments.length === 0) return []
  const events = await db
    .selectFrom('tracking_events')
    .selectAll()
    .where(
      'shipment_id',
      'in',
      shipments.map((s) => s.id),
    )
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
  return shipments.map((s) => ({ ...s, events: events.filter((e) => e.shipment_id === s.id) }))
}
