import { randomUUID } from 'node:crypto'
import { createTestDb } from '@emporium/db/testing'
import { createSearchClient } from '../search'
import { testConfig } from '../testing'
import { describe, expect, it } from 'vitest'
import { createFixtureCatalog, insertFixtureProduct } from './catalog-fixtures'
import { searchEngineContract } from './contract.test-suite'
import { loadSearchDocuments } from './search-documents'
import { TypesenseSearchEngine } from './typesense-engine'
import { productCollectionSchema } from './typesense-schema'

searchEngineContract('Typesense', async () => {
  const client = createSearchClient(testConfig())
  if (!client) throw new Error('TYPESENSE_URL must be set for this test')
  const db = await createTestDb()
  // Aliases and collections of this run only.
  const prefix = `test_${randomUUID().slice(0, 8)}_`
  const engine = new TypesenseSearchEngine(client, db, { prefix })
  await engine.ensureReady()
  return {
    db,
    engine,
    cleanup: async () => {
      for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
        const { collection_name } = await client.aliases(alias).retrieve()
        await client.aliases(alias).delete()
        await client.collections(collection_name).delete()
      }
      await db.destroy()
    },
  }
})

describe('Typesense engine on a collection made before rating_bayesian existed', () => {
  it('sorts best rated by the plain average until a reindex, then by the Bayesian average', async () => {
    const client = createSearchClient(testConfig())
    if (!client) throw new Error('TYPESENSE_URL must be set for this test')
    const db = await createTestDb()
    const prefix = `test_${randomUUID().slice(0, 8)}_`
    try {
      const old = productCollectionSchema(`${prefix}products_old`)
      await client
        .collections()
        .create({ ...old, fields: old.fields.filter((f) => f.name !== 'rating_bayesian') })
      await client.aliases().upsert(`${prefix}products`, { collection_name: old.name })
      const engine = new TypesenseSearchEngine(client, db, { prefix })
      const store = await createFixtureCatalog(db)
      const product = (name: string, stars: [number, number, number, number, number]) =>
        insertFixtureProduct(db, store, {
          name,
          brand: 'Tumi',
          category: 'accessories',
          priceMinor: 4_999,
          stars,
        })
      const twoFiveStar = await product('Tumi - Leather Folio Case', [0, 0, 0, 0, 2])
      const manyReviews = await product('Tumi - Slim Wallet Case', [0, 0, 0, 40, 160])
      await engine.index((await loadSearchDocuments(db, [twoFiveStar, manyReviews])).docs)
      const order = async () =>
        (
          await engine.search({
            q: '',
            filters: { sellerIds: [store.sellerId] },
            sort: 'rating',
            currency: 'USD',
            page: 1,
            perPage: 10,
          })
        ).hits.map((h) => h.productId)
      expect(await order()).toEqual([twoFiveStar, manyReviews])
      await engine.reindex()
      expect(await order()).toEqual([manyReviews, twoFiveStar])
    } finally {
      for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
        const { collection_name } = await client.aliases(alias).retrieve()
        await client.aliases(alias).delete()
        await client.collections(collection_name).delete()
      }
      await db.destroy()
    }
  })
})
