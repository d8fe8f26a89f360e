import { createDb } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { createLogger, createRedis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CatalogCache } from './catalog-cache'
import { insertTestCategories, insertTestProduct, insertTestStore } from './catalog-fixtures'

/** Counts every statement run through the Kysely instance it is attached to. */
function queryCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count += 1
      return args.node
    },
    transformResult(args) {
      return Promise.resolve(args.result)
    },
  }
}

describe('catalog cache', () => {
  const config = testConfig()
  const redis = createRedis(config)
  const logger = createLogger(config, 'test')
  const loaderDb = createDb(config.DATABASE_URL, 5)
  beforeAll(async () => {
    await createTestDb()
  })
  afterAll(async () => {
    await Promise.all([redis.quit(), loaderDb.destroy()])
  })

  it('serves 200 concurrent cold reads of one product with ONE database query', async () => {
    const db = await createTestDb()
    const { root } = await insertTestCategories(db)
    const store = await insertTestStore(db)
    const product = await insertTestProduct(db, { sellerId: store.id, categoryId: root.id })
    const counter = queryCounter()
    const cache = new CatalogCache(loaderDb.withPlugin(counter), redis, logger)
    await cache.ready
    try {
      const reads = await Promise.all(
        Array.from({ length: 200 }, () => cache.getProduct({ slug: product.slug }, 'USD')),
      )
      expect(counter.count).toBe(1)
      expect(cache.stats.dbLoads).toBe(1)
      expect(new Set(reads.map((r) => r?.id))).toEqual(new Set([product.id]))

      // A second instance finds it in Redis: still no further query.
      const other = new CatalogCache(loaderDb.withPlugin(counter), redis, logger)
      await other.ready
      expect((await other.getProduct({ id: product.id }, 'USD'))?.slug).toBe(product.slug)
      expect(counter.count).toBe(1)
      await other.close()
    } finally {
      await cache.close()
    }
  })

  it('does not keep a value loaded while an invalidation happened', async () => {
    const db = await createTestDb()
    const { root } = await insertTestCategories(db)
    const store = await insertTestStore(db)
    const product = await insertTestProduct(db, { sellerId: store.id, categoryId: root.id })
    const cache = new CatalogCache(loaderDb, redis, logger)
    await cache.ready
    try {
      // The invalidation lands between the Redis miss and the write-back of the (older) load.
      const read = cache.getProduct({ id: product.id }, 'USD')
      await db
        .updateTable('products')
        .set({ name: 'Renamed' })
        .where('id', '=', product.id)
        .execute()
      await cache.invalidateProduct(product.id, [root.id])
      await read
      expect((await cache.getProduct({ id: product.id }, 'USD'))?.name).toBe('Renamed')
    } finally {
      await cache.close()
    }
  })
})
