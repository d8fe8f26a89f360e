import type { OrderStatus } from '../orders/order-status'
import { describeOrderStep, type TrackingStatus } from './fulfillment-status'
import type { TimelineEntryView } from './order-views'

/** Stored facts of one order the timeline is made of. */
export interface TimelineFacts {
  history: readonly {
    id: number
    from: OrderStatus | null
    to: OrderStatus
    note: string | null
    at: Date
  }[]
  shipments: readonly {
    id: string
    storeName: string
    carrier: string
    trackingNumber: string
    shippedAt: Date
  }[]
  events: readonly {
    id: number
    shipmentId: string
    status: TrackingStatus
    description: string | null
    location: string | null
    occurredAt: Date
  }[]
}

const TRACKING_TITLES: Record<TrackingStatus, string> = {
  label_created: 'Shipping label created',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  exception: 'Delivery problem',
}

// At the same instant a parcel leaving or a carrier update comes before the status it causes.
const RANK = { shipment: 0, tracking: 1, status: 2 } as const

/**
 * Merges status changes, parcels sent and carrier updates into one list, oldest first. Entries at
 * the same instant keep cause before effect (a parcel before "Order shipped"), then record order.
 */
export function buildTimeline(facts: TimelineFacts): TimelineEntryView[] {
  const shipmentById = new Map(facts.shipments.map((s) => [s.id, s]))
  const entries: { at: Date; rank: number; seq: number; entry: TimelineEntryView }[] = []
  for (const h of facts.history) {
    entries.push({
      at: h.at,
      rank: RANK.status,
      seq: h.id,
      entry: {
        kind: 'status',
        at: h.at.toISOString(),
        from: h.from,
        to: h.to,
        title: describeOrderStep(h.to),
        note: h.note,
      },
    })
  }
  facts.shipments.forEach((s, index) => {
    entries.push({
      at: s.shippedAt,
      rank: RANK.shipment,
      seq: index,
      entry: {
        kind: 'shipment',
        at: s.shippedAt.toISOString(),
        shipmentId: s.id,
        storeName: s.storeName,
        carrier: s.carrier,
        trackingNumber: s.trackingNumber,
        title: `Shipped by ${s.storeName} with ${s.carrier}`,
      },
    })
  })
  for (const e of facts.events) {
    const shipment = shipmentById.get(e.shipmentId)
    if (!shipment) continue
    entries.push({
      at: e.occurredAt,
      rank: RANK.tracking,
      seq: e.id,
      entry: {
        kind: 'tracking',
        at: e.occurredAt.toISOString(),
        shipmentId: e.shipmentId,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        status: e.status,
        description: e.description,
        location: e.location,
        title: TRACKING_TITLES[e.status],
      },
    })
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank || a.seq - b.seq)
  return entries.map((e) => e.entry)
}
