import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb, insertTestStock, insertTestVariant, insertTestWarehouse } from '../testing'
import { commitReservation, releaseReservation } from './reservation-lifecycle'
import { reserveStock } from './reserve-stock'
import { listLowStockAlerts } from './stock-queries'

describe('low-stock alerts from sales (real Postgres)', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await db.destroy()
  })

  async function sell(variantId: string, quantity: number, outcome: 'commit' | 'release') {
    const ownerKey = `checkout:${randomUUID()}`
    const reserved = await reserveStock(db, {
      ownerKey,
      lines: [{ variantId, quantity }],
      shippingRegion: 'EU',
      expiresAt: new Date(Date.now() + 60_000),
    })
    expect(reserved.ok).toBe(true)
    if (outcome === 'commit') await commitReservation(db, ownerKey)
    else await releaseReservation(db, ownerKey)
  }

  it('alerts the seller once when a sale takes stock to its threshold, not on later sales or releases', async () => {
    const { sellerId, variantId, sku } = await insertTestVariant(db)
    const warehouseId = await insertTestWarehouse(db)
    await insertTestStock(db, variantId, warehouseId, 9) // default threshold: 5

    await sell(variantId, 3, 'commit') // 9 → 6: still above
    expect(await listLowStockAlerts(db, sellerId, { limit: 10 })).toEqual([])

    await sell(variantId, 4, 'release') // held then given back: no sale, no alert
    expect(await listLowStockAlerts(db, sellerId, { limit: 10 })).toEqual([])

    await sell(variantId, 2, 'commit') // 6 → 4: crosses the threshold
    const alerts = await listLowStockAlerts(db, sellerId, { limit: 10 })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({
      sellerId,
      variantId,
      sku,
      warehouseId,
      available: 4,
      threshold: 5,
    })

    await sell(variantId, 1, 'commit') // 4 → 3: already low, no second alert
    expect(await listLowStockAlerts(db, sellerId, { limit: 10 })).toHaveLength(1)
  })
})
