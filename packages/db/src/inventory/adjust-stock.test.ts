import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../client'
import { createTestDb, insertTestVariant, insertTestWarehouse, TEST_DATABASE_URL } from '../testing'
import { adjustStock } from './adjust-stock'
import { listLowStockAlerts, listStockMovements } from './stock-queries'

describe('adjustStock (real Postgres)', () => {
  let db: Db
  let pool: Db
  beforeAll(async () => {
    db = await createTestDb()
    pool = createDb(process.env.DATABASE_URL ?? TEST_DATABASE_URL, 20)
  })
  afterAll(async () => {
    await pool.destroy()
    await db.destroy()
  })

  it('20 concurrent retries of one adjustment apply it exactly once, with one low-stock alert', async () => {
    const { sellerId, variantId } = await insertTestVariant(db)
    const warehouseId = await insertTestWarehouse(db)
    const input = {
      sellerId,
      variantId,
      warehouseId,
      delta: 3,
      idempotencyKey: `restock-${randomUUID()}`,
      reason: 'restock' as const,
    }
    const results = await Promise.all(Array.from({ length: 20 }, () => adjustStock(pool, input)))
    expect(results.filter((r) => r.ok && r.applied)).toHaveLength(1)
    expect(results.every((r) => r.ok && r.level.onHand === 3)).toBe(true)
    const moves = await listStockMovements(db, sellerId, { limit: 50 })
    expect(moves.map((m) => [m.reason, m.onHandDelta])).toEqual([['restock', 3]])
    // 0 → 3 available is a rise, so no alert; a count down to 2 is a fall to the threshold: one alert.
    expect(await listLowStockAlerts(db, sellerId, { limit: 10 })).toEqual([])
    const counted = await adjustStock(db, {
      ...input,
      delta: undefined,
      setOnHand: 2,
      idempotencyKey: `count-${randomUUID()}`,
      reason: 'adjustment',
    })
    expect(counted).toMatchObject({
      ok: true,
      applied: true,
      level: { onHand: 2, available: 2, low: true },
    })
    expect(await listLowStockAlerts(db, sellerId, { limit: 10 })).toMatchObject([
      { sellerId, variantId, warehouseId, available: 2, threshold: 5 },
    ])
  })

  it("refuses another seller's variant and an unknown warehouse, changing nothing", async () => {
    const owner = await insertTestVariant(db)
    const other = await insertTestVariant(db)
    const warehouseId = await insertTestWarehouse(db)
    const attempt = (sellerId: string, wh: number) =>
      adjustStock(db, {
        sellerId,
        variantId: owner.variantId,
        warehouseId: wh,
        delta: 5,
        idempotencyKey: randomUUID(),
        reason: 'restock',
      })
    expect(await attempt(other.sellerId, warehouseId)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await attempt(owner.sellerId, 2_000_000_000)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    const rows = await db
      .selectFrom('inventory_levels')
      .select('on_hand')
      .where('variant_id', '=', owner.variantId)
      .execute()
    expect(rows).toEqual([])
  })
})
