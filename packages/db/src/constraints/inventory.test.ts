import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb, insertTestVariant } from '../testing'

let db: Db
let warehouseId: number
beforeAll(async () => {
  db = await createTestDb()
  const row = await db
    .insertInto('warehouses')
    .values({ code: 'TEST-INV', name: 'Inventory test warehouse', region: 'test', country: 'US' })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: 'Inventory test warehouse' }))
    .returning('id')
    .executeTakeFirstOrThrow()
  warehouseId = row.id
})
afterAll(async () => {
  await db.destroy()
})

async function stockedVariant(onHand: number, reserved: number): Promise<string> {
  const { variantId } = await insertTestVariant(db)
  await db
    .insertInto('inventory_levels')
    .values({ variant_id: variantId, warehouse_id: warehouseId, on_hand: onHand, reserved })
    .execute()
  return variantId
}

async function level(variantId: string) {
  return db
    .selectFrom('inventory_levels')
    .select(['on_hand', 'reserved'])
    .where('variant_id', '=', variantId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirstOrThrow()
}

describe('inventory_levels constraints', () => {
  it('refuses to reserve more than is on hand and leaves the level unchanged', async () => {
    const variantId = await stockedVariant(5, 3)
    await expect(
      db
        .updateTable('inventory_levels')
        .set((eb) => ({ reserved: eb('reserved', '+', 3) }))
        .where('variant_id', '=', variantId)
        .execute(),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'inventory_levels_reserved_within_on_hand',
    })
    expect(await level(variantId)).toEqual({ on_hand: 5, reserved: 3 })
  })

  it('allows reserving exactly what is on hand', async () => {
    const variantId = await stockedVariant(5, 3)
    await db
      .updateTable('inventory_levels')
      .set((eb) => ({ reserved: eb('reserved', '+', 2) }))
      .where('variant_id', '=', variantId)
      .execute()
    expect(await level(variantId)).toEqual({ on_hand: 5, reserved: 5 })
  })

  it('refuses negative stock', async () => {
    const variantId = await stockedVariant(1, 0)
    await expect(
      db
        .updateTable('inventory_levels')
        .set({ on_hand: -1 })
        .where('variant_id', '=', variantId)
        .execute(),
    ).rejects.toMatchObject({ code: '23514' })
    expect(await level(variantId)).toEqual({ on_hand: 1, reserved: 0 })
  })

  it('records a stock movement once per idempotency key', async () => {
    const variantId = await stockedVariant(10, 0)
    const movement = {
      variant_id: variantId,
      warehouse_id: warehouseId,
      on_hand_delta: 4,
      reason: 'restock' as const,
      idempotency_key: `restock-${variantId}`,
    }
    await db.insertInto('stock_movements').values(movement).execute()
    await expect(db.insertInto('stock_movements').values(movement).execute()).rejects.toMatchObject(
      {
        code: '23505',
        constraint: 'stock_movements_idempotency_key_key',
      },
    )
  })
})
