import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { recordOutboxEvent } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { createLogger, createRedis, PostgresSearchEngine, type SearchQuery } from '@emporium/infra'
import { createFixtureCatalog, insertFixtureProduct, testConfig } from '@emporium/infra/testing'
import { afterAll, describe, expect, it } from 'vitest'
import {
  appendToSearchStream,
  createOutboxRelay,
  PRODUCT_AGGREGATE,
  SEARCH_EVENTS_STREAM,
} from '../outbox'
import { createSearchIndexer } from './search-indexer'

const logger = createLogger({ LOG_LEVEL: 'silent' }, 'search-indexer-test')

describe('search indexer (outbox → events:search stream → index)', () => {
  const redis = createRedis(testConfig())
  const table = `search_idx_${randomUUID().slice(0, 8)}`
  const group = `search-indexer-test-${randomUUID()}`
  const dbReady = createTestDb()

  afterAll(async () => {
    const db = await dbReady
    await redis.xgroup('DESTROY', SEARCH_EVENTS_STREAM, group)
    await sql`drop table if exists ${sql.id(table)}, ${sql.id(`${table}_words`)}`.execute(db)
    await db.destroy()
    await redis.quit()
  })

  it('reflects a product being created, priced, sold out and archived', async () => {
    const db = await dbReady
    const engine = new PostgresSearchEngine(db, { table })
    await redis.xgroup('CREATE', SEARCH_EVENTS_STREAM, group, '$', 'MKSTREAM')
    const relay = createOutboxRelay({
      db,
      logger,
      handlers: { [PRODUCT_AGGREGATE]: [appendToSearchStream(redis)] },
    })
    const indexer = createSearchIndexer({ db, redis, engine, logger, group, blockMs: 50 })
    const catalog = await createFixtureCatalog(db)
    const query: SearchQuery = {
      q: 'galaxy',
      filters: { sellerIds: [catalog.sellerId] },
      sort: 'relevance',
      currency: 'USD',
      page: 1,
      perPage: 10,
    }

    const event = async (productId: string, eventType: string) => {
      await recordOutboxEvent(db, {
        aggregateType: PRODUCT_AGGREGATE,
        aggregateId: productId,
        eventType,
        payload: { productId },
      })
      while ((await relay.runOnce()) > 0);
      while ((await indexer.runOnce()) > 0);
    }

    const id = await insertFixtureProduct(db, catalog, {
      name: 'Samsung - Galaxy S7 32GB',
      brand: 'Samsung',
      category: 'phones',
      stock: 5,
    })
    await event(id, 'product.created')
    expect((await engine.search(query)).total).toBe(0) // no price yet: not sellable

    const variant = await db
      .selectFrom('product_variants')
      .select('id')
      .where('product_id', '=', id)
      .executeTakeFirstOrThrow()
    await db
      .insertInto('prices')
      .values({ variant_id: variant.id, currency: 'USD', amount_minor: 59_999 })
      .execute()
    await event(id, 'product.price_changed')
    const priced = await engine.search(query)
    expect(priced.hits.map((h) => [h.productId, h.priceMinor, h.inStock])).toEqual([
      [id, 59_999, true],
    ])

    await db
      .updateTable('inventory_levels')
      .set({ on_hand: 0 })
      .where('variant_id', '=', variant.id)
      .execute()
    await event(id, 'product.stock_changed')
    expect((await engine.search(query)).hits.map((h) => [h.productId, h.inStock])).toEqual([
      [id, false],
    ])
    expect(
      (await engine.search({ ...query, filters: { ...query.filters, inStock: true } })).total,
    ).toBe(0)

    await db.updateTable('products').set({ status: 'archived' }).where('id', '=', id).execute()
    await event(id, 'product.archived')
    expect((await engine.search(query)).total).toBe(0)
    expect((await engine.search({ ...query, q: '' })).total).toBe(0)
  })
})
