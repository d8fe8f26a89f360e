import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Stock locations. */
export interface WarehouseTable {
  id: Generated<number>
  code: string
  name: string
  region: string
  country: string
  created_at: Generated<Date>
}

export type Warehouse = Selectable<WarehouseTable>
export type NewWarehouse = Insertable<WarehouseTable>
export type WarehouseUpdate = Updateable<WarehouseTable>
