import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Carrier tracking updates. */
export interface TrackingEventTable {
  id: Generated<number>
  shipment_id: string
  status: string
  description: string | null
  location: string | null
  occurred_at: Date
  received_at: Generated<Date>
}

export type TrackingEvent = Selectable<TrackingEventTable>
export type NewTrackingEvent = Insertable<TrackingEventTable>
export type TrackingEventUpdate = Updateable<TrackingEventTable>
