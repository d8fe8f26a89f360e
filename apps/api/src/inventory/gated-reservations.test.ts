import { randomUUID } from 'node:crypto'
import { createDb, type Db } from '@emporium/db'
import {
  createTestDb,
  insertTestStock,
  insertTestVariant,
  insertTestWarehouse,
} from '@emporium/db/testing'
import {
  closeFlashSale,
  createRedis,
  flashSaleUnits,
  openFlashSale,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { releaseReservationGated, reserveStockGated } from './gated-reservations'

/** Counts reservation attempts that reached Postgres: each takes its row locks with one SELECT … FOR UPDATE. */
function lockCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      if (args.node.kind === 'SelectQueryNode' && args.node.endModifiers?.length) counter.count += 1
      return args.node
    },
    transformResult: ((args) => Promise.resolve(args.result)) as KyselyPlugin['transformResult'],
  }
  return counter
}

describe('flash-sale reservations: Redis gate in front of Postgres', () => {
  const config = testConfig()
  let db: Db
  let redis: Redis
  beforeAll(async () => {
    await (await createTestDb()).destroy() // migrated before the wide pool connects
    db = createDb(config.DATABASE_URL, 20)
    redis = createRedis(config)
  })
  afterAll(async () => {
    await redis.quit()
    await db.destroy()
  })

  it('2,000 buyers for 100 units: 100 reserved, ~100 database attempts, released units sell again', async () => {
    const { variantId } = await insertTestVariant(db)
    await insertTestStock(db, variantId, await insertTestWarehouse(db), 100)
    await openFlashSale(redis, variantId, 100) // as seller.startFlashSale does from the stock
    const counter = lockCounter()
    const counted = db.withPlugin(counter)
    const buy = () =>
      reserveStockGated(counted, redis, {
        ownerKey: `flash-${randomUUID()}`,
        lines: [{ variantId, quantity: 1 }],
        shippingRegion: 'EU',
        expiresAt: new Date(Date.now() + 600_000),
      })
    try {
      const results = await Promise.all(Array.from({ length: 2_000 }, buy))
      const won = results.filter((r) => r.ok)
      expect(won).toHaveLength(100)
      expect(results.filter((r) => !r.ok && r.message.startsWith('Sold out'))).toHaveLength(1_900)
      expect(counter.count).toBe(100)
      expect(await flashSaleUnits(redis, variantId)).toBe(0)
      const level = await db
        .selectFrom('inventory_levels')
        .select(['on_hand', 'reserved'])
        .where('variant_id', '=', variantId)
        .executeTakeFirstOrThrow()
      expect(level).toEqual({ on_hand: 100, reserved: 100 })

      const owners = await db
        .selectFrom('reservations')
        .select('owner_key')
        .where('variant_id', '=', variantId)
        .limit(10)
        .execute()
      for (const { owner_key } of owners) await releaseReservationGated(db, redis, owner_key)
      expect(await flashSaleUnits(redis, variantId)).toBe(10)
      const again = await Promise.all(Array.from({ length: 30 }, buy))
      expect(again.filter((r) => r.ok)).toHaveLength(10)
      expect(again.find((r) => !r.ok)).toMatchObject({ code: 'SOLD_OUT' })
    } finally {
      await closeFlashSale(redis, variantId)
    }
  })
})
