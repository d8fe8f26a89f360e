import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Stock of a variant in a warehouse. */
export interface InventoryLevelTable {
  variant_id: string
  warehouse_id: number
  on_hand: Generated<number>
  reserved: Generated<number>
  /** Available units at or below which a low-stock alert fires; null = the shop default. */
  low_stock_threshold: number | null
  version: Generated<number>
  updated_at: Generated<Date>
}

export type InventoryLevel = Selectable<InventoryLevelTable>
export type NewInventoryLevel = Insertable<InventoryLevelTable>
export type InventoryLevelUpdate = Updateable<InventoryLevelTable>
