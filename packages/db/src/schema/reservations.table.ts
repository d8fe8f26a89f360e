import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { ReservationStatus } from './enums'

/** Stock held for a checkout until committed, released or expired. */
export interface ReservationTable {
  id: Generated<string>
  variant_id: string
  warehouse_id: number
  quantity: number
  owner_key: string
  status: Generated<ReservationStatus>
  expires_at: Date
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Reservation = Selectable<ReservationTable>
export type NewReservation = Insertable<ReservationTable>
export type ReservationUpdate = Updateable<ReservationTable>
