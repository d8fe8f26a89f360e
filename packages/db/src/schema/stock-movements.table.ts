import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { StockMovementReason } from './enums'

/** Ledger of stock changes, one per idempotency key. */
export interface StockMovementTable {
  id: Generated<number>
  variant_id: string
  warehouse_id: number
  on_hand_delta: Generated<number>
  reserved_delta: Generated<number>
  reason: StockMovementReason
  reservation_id: string | null
  idempotency_key: string
  created_at: Generated<Date>
}

export type StockMovement = Selectable<StockMovementTable>
export type NewStockMovement = Insertable<StockMovementTable>
export type StockMovementUpdate = Updateable<StockMovementTable>
