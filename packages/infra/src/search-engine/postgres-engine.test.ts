import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { searchEngineContract } from './contract.test-suite'
import { PostgresSearchEngine } from './postgres-engine'
import type { SearchDocument, SearchQuery } from './types'

searchEngineContract('PostgreSQL', async () => {
  const db = await createTestDb()
  // A table of this run's own, so parallel runs never see each other's documents.
  const table = `search_test_${randomUUID().slice(0, 8)}`
  const engine = new PostgresSearchEngine(db, { table })
  await engine.ensureReady()
  return {
    db,
    engine,
    cleanup: async () => {
      await sql`drop table if exists ${sql.id(table)}, ${sql.id(`${table}_words`)}`.execute(db)
      await db.destroy()
    },
  }
})

describe('PostgreSQL engine on a query with more matches than its candidate window', () => {
  let db: Db
  const table = `search_test_${randomUUID().slice(0, 8)}`
  const seller = randomUUID()
  // Five cases, most popular first; the least popular says "case" most often.
  const docs: SearchDocument[] = [50, 40, 30, 20, 10].map((popularity, i) => ({
    id: randomUUID(),
    name: i === 4 ? 'Case, case and case' : `Case number ${i}`,
    slug: `case-${i}`,
    brand: `Brand ${i}`,
    description: 'A phone case.',
    tags: [],
    sellerId: seller,
    categoryPath: `cases-${seller}`,
    categoryPaths: [`cases-${seller}`],
    categoryNames: ['Cases'],
    prices: { USD: 1_000 },
    ratingAvg: null,
    ratingCount: 0,
    ratingBayesian: null,
    popularity,
    inStock: true,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  }))
  const ids = docs.map((d) => d.id)
  const query = (over: Partial<SearchQuery>): SearchQuery => ({
    q: 'case',
    filters: { sellerIds: [seller] },
    sort: 'relevance',
    currency: 'USD',
    page: 1,
    perPage: 10,
    ...over,
  })

  beforeAll(async () => {
    db = await createTestDb()
    await new PostgresSearchEngine(db, { table }).index(docs)
  })
  afterAll(async () => {
    await sql`drop table if exists ${sql.id(table)}, ${sql.id(`${table}_words`)}`.execute(db)
    await db.destroy()
  })

  // Both ways of finding candidates: walking the most popular products first, and the GIN path.
  for (const candidatePath of ['walk', 'gin'] as const) {
    it(`ranks and counts facets over the window, says so, and pages through every match (${candidatePath} path)`, async () => {
      const engine = new PostgresSearchEngine(db, { table, candidateWindow: 2, candidatePath })
      const r = await engine.search(query({}))
      expect(r.approximate).toEqual({ facetWindow: 2 })
      expect(r.total).toBeGreaterThanOrEqual(3)
      expect(r.facets.brand).toEqual([
        { value: 'Brand 0', count: 1 },
        { value: 'Brand 1', count: 1 },
      ])
      // The window (the two most popular) is ranked first, then the rest in popularity order.
      expect(r.hits.map((h) => h.productId)).toEqual(ids)
      const paged = []
      for (let page = 1; page <= 3; page++)
        paged.push(...(await engine.search(query({ page, perPage: 2 }))).hits)
      expect(paged.map((h) => h.productId)).toEqual(ids)
      const cheapest = await engine.search(query({ sort: 'popularity', perPage: 1, page: 5 }))
      expect(cheapest.hits.map((h) => h.productId)).toEqual([ids[4]])
      const wide = new PostgresSearchEngine(db, { table, candidateWindow: 5, candidatePath })
      const exact = await wide.search(query({}))
      expect(exact.approximate).toBeUndefined()
      expect(exact.total).toBe(5)
      expect(exact.facets.brand.map((b) => b.count)).toEqual([1, 1, 1, 1, 1])
      expect(exact.hits[0]?.productId).toBe(ids[4])
      // Autocomplete: the best text matches among the window, category counts scaled to the
      // estimated matches (a prefix of two letters can match most of a catalog).
      const suggested = await engine.autocomplete('cas', 5)
      expect(suggested.products.map((p) => p.productId)).toEqual(ids.slice(0, 2))
      expect(suggested.categories[0]?.count).toBeGreaterThanOrEqual(3)
      const exactSuggestions = await wide.autocomplete('cas', 5)
      expect(exactSuggestions.products[0]?.productId).toBe(ids[4])
      expect(exactSuggestions.categories).toEqual([
        { path: `cases-${seller}`, name: 'Cases', count: 5 },
      ])
    })
  }
})
