import type { Db } from '@emporium/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixtureCatalog, insertFixtureProduct, type FixtureCatalog } from './catalog-fixtures'
import { loadSearchDocuments } from './search-documents'
import type { SearchEngine, SearchQuery } from './types'

/** What a contract run needs: a fresh, empty engine over the test database, and its cleanup. */
export interface ContractSetup {
  db: Db
  engine: SearchEngine
  cleanup: () => Promise<void>
}

/** The behaviour every search engine must show; each engine's test file runs it. */
export function searchEngineContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`search engine contract: ${name}`, () => {
    let ctx: ContractSetup
    let catalog: FixtureCatalog
    const ids: Record<string, string> = {}

    const query = (over: Partial<SearchQuery> = {}): SearchQuery => ({
      q: '',
      sort: 'relevance',
      currency: 'USD',
      page: 1,
      perPage: 20,
      ...over,
      filters: { sellerIds: [catalog.sellerId], ...over.filters },
    })
    const names = (r: { hits: { productId: string }[] }) =>
      r.hits.map(
        (h) => Object.entries(ids).find(([, id]) => id === h.productId)?.[0] ?? h.productId,
      )

    beforeAll(async () => {
      ctx = await setup()
      catalog = await createFixtureCatalog(ctx.db)
      const db = ctx.db
      ids.iphone7 = await insertFixtureProduct(db, catalog, {
        name: 'Apple - iPhone 7 32GB',
        brand: 'Apple',
        category: 'phones',
        priceMinor: 64_999,
        stock: 5,
        rating: 4.6,
        popularity: 50,
      })
      ids.s7edge = await insertFixtureProduct(db, catalog, {
        name: 'Samsung - Galaxy S7 edge 32GB',
        brand: 'Samsung',
        category: 'phones',
        priceMinor: 69_999,
        stock: 3,
        rating: 4.4,
        popularity: 90,
      })
      ids.j3 = await insertFixtureProduct(db, catalog, {
        name: 'Samsung - Galaxy J3 (2016) 4G LTE with 16GB Memory Cell Phone (Unlocked)',
        brand: 'Samsung',
        category: 'phones',
        priceMinor: 17_999,
        stock: 0,
        rating: 3.9,
        popularity: 70,
      })
      ids.iphone5s = await insertFixtureProduct(db, catalog, {
        name: 'Boost Mobile - Apple iPhone 5s Prepaid Cell Phone - Silver',
        brand: 'Boost Mobile',
        category: 'phones',
        priceMinor: 9_999,
        stock: 2,
        popularity: 10,
      })
      ids.charger = await insertFixtureProduct(db, catalog, {
        name: 'Insignia™ - 17W Vehicle Charger with 2 USB Ports - Black',
        brand: 'Insignia™',
        category: 'accessories',
        priceMinor: 1_999,
        stock: 9,
        rating: 2.5,
        popularity: 30,
      })
      ids.archived = await insertFixtureProduct(db, catalog, {
        name: 'Apple - iPhone 6s 64GB',
        brand: 'Apple',
        category: 'phones',
        priceMinor: 44_999,
        stock: 4,
        status: 'archived',
        popularity: 99,
      })
      const { docs, gone } = await loadSearchDocuments(db, Object.values(ids))
      expect(gone).toEqual([ids.archived])
      await ctx.engine.index(docs)
    })
    afterAll(async () => {
      await ctx.cleanup()
    })

    it('finds a product despite a typo (iphnoe → iPhone), never the archived one', async () => {
      const r = await ctx.engine.search(query({ q: 'iphnoe' }))
      expect(names(r).sort()).toEqual(['iphone5s', 'iphone7'])
      expect(r.total).toBe(2)
    })

    it('answers a currency no product is priced in with no hits, not an error', async () => {
      const r = await ctx.engine.search(
        query({ q: 'phone', currency: 'SEK', sort: 'price_asc', filters: { priceMin: 1 } }),
      )
      expect(r.hits).toEqual([])
      expect(r.total).toBe(0)
    })

    it('counts facets over the filtered set', async () => {
      const r = await ctx.engine.search(query())
      expect(r.total).toBe(5)
      expect(r.facets.brand).toEqual([
        { value: 'Samsung', count: 2 },
        { value: 'Apple', count: 1 },
        { value: 'Boost Mobile', count: 1 },
        { value: 'Insignia™', count: 1 },
      ])
      expect(r.facets.category).toEqual([
        { value: catalog.root, count: 5 },
        { value: `${catalog.root}/phones`, count: 4 },
        { value: `${catalog.root}/accessories`, count: 1 },
      ])
      expect(r.facets.price_range).toEqual([
        { value: '0-2500', count: 1 },
        { value: '5000-10000', count: 1 },
        { value: '10000-25000', count: 1 },
        { value: '50000-100000', count: 2 },
      ])
      expect(r.facets.rating).toEqual([
        { value: '4', count: 2 },
        { value: '3', count: 3 },
        { value: '2', count: 4 },
        { value: '1', count: 4 },
      ])
      expect(r.facets.in_stock).toEqual([
        { value: 'true', count: 4 },
        { value: 'false', count: 1 },
      ])
      expect(r.facets.seller).toEqual([{ value: catalog.sellerId, count: 5 }])
      const phones = await ctx.engine.search(
        query({ filters: { categoryPath: `${catalog.root}/phones` } }),
      )
      expect(phones.facets.brand.find((b) => b.value === 'Insignia™')).toBeUndefined()
      expect(phones.total).toBe(4)
    })

    it('composes filters: brand + price range + in stock + category (with descendants) + rating', async () => {
      const samsung = { brands: ['Samsung'], priceMin: 10_000, priceMax: 80_000 }
      expect(names(await ctx.engine.search(query({ filters: samsung }))).sort()).toEqual([
        'j3',
        's7edge',
      ])
      const inStock = await ctx.engine.search(query({ filters: { ...samsung, inStock: true } }))
      expect(names(inStock)).toEqual(['s7edge'])
      expect(inStock.total).toBe(1)
      const cheapPhones = await ctx.engine.search(
        query({
          sort: 'price_asc',
          filters: { categoryPath: catalog.root, priceMax: 20_000, ratingMin: 2 },
        }),
      )
      expect(names(cheapPhones)).toEqual(['charger', 'j3'])
    })

    it('lists out-of-stock products last in every sort, flagged', async () => {
      const r = await ctx.engine.search(query({ sort: 'price_asc' }))
      expect(names(r)).toEqual(['charger', 'iphone5s', 'iphone7', 's7edge', 'j3'])
      expect(r.hits.map((h) => [h.priceMinor, h.inStock])).toEqual([
        [1_999, true],
        [9_999, true],
        [64_999, true],
        [69_999, true],
        [17_999, false],
      ])
      expect(names(await ctx.engine.search(query({ sort: 'popularity' })))).toEqual([
        's7edge',
        'iphone7',
        'charger',
        'iphone5s',
        'j3',
      ])
      expect(names(await ctx.engine.search(query({ sort: 'rating' })))).toEqual([
        'iphone7',
        's7edge',
        'charger',
        'iphone5s',
        'j3',
      ])
      const page2 = await ctx.engine.search(query({ sort: 'price_desc', page: 2, perPage: 2 }))
      expect(names(page2)).toEqual(['iphone5s', 'charger'])
      expect(page2.total).toBe(5)
    })

    it('autocompletes a prefix with products and categories', async () => {
      const r = await ctx.engine.autocomplete('gala', 5)
      expect(r.products.map((p) => p.productId).sort()).toEqual([ids.j3, ids.s7edge].sort())
      expect(r.categories).toEqual([
        { path: `${catalog.root}/phones`, name: 'Cell Phones', count: 2 },
      ])
      const charger = await ctx.engine.autocomplete('vehicle char', 5)
      expect(charger.products.map((p) => p.productId)).toEqual([ids.charger])
      expect(charger.categories).toEqual([
        { path: `${catalog.root}/accessories`, name: 'Accessories', count: 1 },
      ])
    })

    it('suggests a spelling when a misspelled query finds nothing', async () => {
      const r = await ctx.engine.search(query({ q: 'samsung galacksy' }))
      expect(r.total).toBe(0)
      expect(r.didYouMean).toBe('samsung galaxy')
      const fixed = await ctx.engine.search(query({ q: r.didYouMean ?? '' }))
      expect(names(fixed).sort()).toEqual(['j3', 's7edge'])
      expect((await ctx.engine.search(query({ q: 'galaxy' }))).didYouMean).toBeUndefined()
    })

    it('boosts results matching a shopper affinity, and leaves anonymous order alone', async () => {
      const anonymous = await ctx.engine.search(query({ q: 'phone' }))
      expect(names(anonymous)[0]).not.toBe('s7edge')
      const samsungFan = { categoryAffinity: {}, brandAffinity: { Samsung: 1 } }
      const fan = await ctx.engine.search(query({ q: 'phone', personalization: samsungFan }))
      expect(names(fan)[0]).toBe('s7edge')
      expect(names(fan).at(-1)).toBe('j3') // still last: out of stock
      expect(names(fan).sort()).toEqual(names(anonymous).sort())
      const browse = await ctx.engine.search(query())
      expect(names(browse)).toEqual(['s7edge', 'iphone7', 'charger', 'iphone5s', 'j3'])
      const personalization = {
        categoryAffinity: {},
        brandAffinity: { 'Boost Mobile': 1, Apple: 0.5 },
      }
      const personal = await ctx.engine.search(query({ personalization }))
      expect(names(personal)).toEqual(['iphone5s', 'iphone7', 's7edge', 'charger', 'j3'])
      const byCategory = await ctx.engine.search(
        query({
          personalization: {
            categoryAffinity: { [`${catalog.root}/accessories`]: 1 },
            brandAffinity: {},
          },
        }),
      )
      expect(names(byCategory)[0]).toBe('charger')
    })

    it('drops a product from results once it is archived and removed', async () => {
      await ctx.db
        .updateTable('products')
        .set({ status: 'archived' })
        .where('id', '=', ids.charger ?? '')
        .execute()
      const { docs, gone } = await loadSearchDocuments(ctx.db, [ids.charger ?? ''])
      expect(docs).toEqual([])
      await ctx.engine.remove(gone)
      const r = await ctx.engine.search(query({ q: 'charger' }))
      expect(r.total).toBe(0)
      expect((await ctx.engine.search(query())).total).toBe(4)
    })

    it('keeps serving results while a reindex builds a new index and swaps it in', async () => {
      let running = true
      let searches = 0
      const problems: string[] = []
      const loop = (async () => {
        while (running) {
          try {
            const r = await ctx.engine.search(query({ q: 'iphone' }))
            if (r.total !== 2) problems.push(`total ${r.total}`)
          } catch (error) {
            problems.push(String(error))
          }
          searches++
        }
      })()
      const progress: number[] = []
      const { indexed } = await ctx.engine.reindex((p) => progress.push(p.done))
      running = false
      await loop
      expect(problems).toEqual([])
      expect(searches).toBeGreaterThan(3)
      expect(indexed).toBeGreaterThanOrEqual(4)
      expect(progress.length).toBeGreaterThan(0)
      const after = await ctx.engine.search(query({ q: 'iphone' }))
      expect(names(after).sort()).toEqual(['iphone5s', 'iphone7'])
    })

    it('sorts best rated by Bayesian average: 200 reviews averaging 4.8 beat 2 five-star ones', async () => {
      const store = await createFixtureCatalog(ctx.db)
      const product = (name: string, stars?: [number, number, number, number, number]) =>
        insertFixtureProduct(ctx.db, store, {
          name,
          brand: 'Tumi',
          category: 'accessories',
          priceMinor: 4_999,
          stock: 5,
          stars,
        })
      const rated = {
        twoFiveStar: await product('Tumi - Leather Folio Case', [0, 0, 0, 0, 2]),
        manyReviews: await product('Tumi - Slim Wallet Case', [0, 0, 0, 40, 160]),
        unrated: await product('Tumi - Canvas Sleeve Case'),
      }
      const order = async () =>
        (
          await ctx.engine.search(
            query({ sort: 'rating', filters: { sellerIds: [store.sellerId] } }),
          )
        ).hits.map((h) => h.productId)
      const expected = [rated.manyReviews, rated.twoFiveStar, rated.unrated]
      // Indexed as the indexer does after a rating change: the documents read from the database.
      const { docs } = await loadSearchDocuments(ctx.db, Object.values(rated))
      expect(docs.find((d) => d.id === rated.manyReviews)?.ratingBayesian).toBeCloseTo(
        (3.5 * 10 + 4.8 * 200) / 210,
        10,
      )
      await ctx.engine.index(docs)
      expect(await order()).toEqual(expected)
      // A plain average would put the two five-star reviews first; the full reindex keeps the order.
      expect(docs.find((d) => d.id === rated.twoFiveStar)?.ratingAvg).toBe(5)
      await ctx.engine.reindex()
      expect(await order()).toEqual(expected)
    })
  })
}
