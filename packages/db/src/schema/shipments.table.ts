import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Parcels of a fulfillment. */
export interface ShipmentTable {
  id: Generated<string>
  fulfillment_id: string
  carrier: string
  tracking_number: string
  shipped_at: Generated<Date>
  delivered_at: Date | null
}

export type Shipment = Selectable<ShipmentTable>
export type NewShipment = Insertable<ShipmentTable>
export type ShipmentUpdate = Updateable<ShipmentTable>
