import { randomUUID } from 'node:crypto'
import type { Db } from '../client'

/** Inserts a warehouse with a unique code in `region`; returns its id. */
export async function insertTestWarehouse(db: Db, region = 'EU'): Promise<number> {
  const code = `WH-${randomUUID()}`
  const row = await db
    .insertInto('warehouses')
    .values({ code, name: `Warehouse ${code}`, region, country: region === 'US' ? 'US' : 'DE' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Sets on_hand of a variant in a warehouse (nothing reserved), creating the row. */
export async function insertTestStock(
  db: Db,
  variantId: string,
  warehouseId: number,
  onHand: number,
): Promise<void> {
  await db
    .insertInto('inventory_levels')
    .values({ variant_id: variantId, warehouse_id: warehouseId, on_hand: onHand })
    .onConflict((oc) => oc.columns(['variant_id', 'warehouse_id']).doUpdateSet({ on_hand: onHand }))
    .execute()
}
