import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createSearchClient } from './search'
import { testConfig } from './testing'

describe('Typesense (real server of the stack)', () => {
  const client = createSearchClient(testConfig())
  const collection = `test_products_${randomUUID().slice(0, 8)}`

  afterAll(async () => {
    await client?.collections(collection).delete()
  })

  it('is configured for tests', () => {
    expect(client).toBeDefined()
  })

  it('creates a collection, indexes products and finds one despite a typo', async () => {
    if (!client) throw new Error('TYPESENSE_URL must be set for this test')
    await client.collections().create({
      name: collection,
      fields: [
        { name: 'name', type: 'string' },
        { name: 'brand', type: 'string', facet: true },
        { name: 'price_minor', type: 'int64' },
      ],
    })
    await client
      .collections(collection)
      .documents()
      .import(
        [
          { id: '1', name: 'Apple iPhone 7 Plus 128GB', brand: 'Apple', price_minor: 89999 },
          { id: '2', name: 'Samsung Galaxy S7 edge', brand: 'Samsung', price_minor: 69999 },
          { id: '3', name: 'Apple iPad mini 4', brand: 'Apple', price_minor: 39999 },
        ],
        { action: 'create' },
      )
    const result = await client
      .collections(collection)
      .documents()
      .search({ q: 'iphnoe', query_by: 'name', facet_by: 'brand' })
    expect(result.hits?.map((h) => (h.document as { id: string }).id)).toEqual(['1'])
    const all = await client
      .collections(collection)
      .documents()
      .search({ q: '*', query_by: 'name', facet_by: 'brand' })
    const brandCounts = Object.fromEntries(
      all.facet_counts?.[0]?.counts.map((c) => [c.value, c.count]) ?? [],
    )
    expect(brandCounts).toEqual({ Apple: 2, Samsung: 1 })
  })
})
