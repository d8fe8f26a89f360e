import { randomUUID } from 'node:crypto'
import {
  createSearchClient,
  loadSearchDocuments,
  TypesenseSearchEngine,
  type TypesenseClient,
} from '@emporium/infra'
import { createFixtureCatalog, insertFixtureProduct, testConfig } from '@emporium/infra/testing'
import { createTestDb } from '@emporium/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS } from '../protection/rate-limits'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf, signIn } from '../testing/api-client'
import { createTestUser } from '../testing/users'

const roomy = { ...DEFAULT_RATE_LIMITS, searchPerIp: { points: 10_000, durationS: 60 } }
const tight = { ...DEFAULT_RATE_LIMITS, searchPerIp: { points: 2, durationS: 60 } }

describe('search router over HTTP', () => {
  let api: RunningApi
  let limited: RunningApi
  let client: TypesenseClient
  const prefix = `test_${randomUUID().slice(0, 8)}_`
  const ids: Record<'phone' | 'case', string> = { phone: '', case: '' }

  beforeAll(async () => {
    await createTestDb()
    ;[api, limited] = await Promise.all([
      startApiServer({
        config: testConfig(),
        port: 0,
        rateLimitNamespace: randomUUID(),
        rateLimits: roomy,
      }),
      startApiServer({
        config: testConfig(),
        port: 0,
        rateLimitNamespace: randomUUID(),
        rateLimits: tight,
      }),
    ])
    const found = createSearchClient(testConfig())
    if (!found) throw new Error('TYPESENSE_URL must be set for this test')
    client = found
    // Collections of this run only, so other runs' products never show up in these results.
    const engine = new TypesenseSearchEngine(client, api.deps.db, { prefix })
    api.deps.searchEngine = engine
    limited.deps.searchEngine = engine
    const db = api.deps.db
    const catalog = await createFixtureCatalog(db)
    // Same words in the name; the case is more popular, so it leads the non-personal order.
    ids.phone = await insertFixtureProduct(db, catalog, {
      name: 'Samsung Galaxy S7 32GB',
      brand: 'Samsung',
      category: 'phones',
      priceMinor: 69_999,
      stock: 5,
      popularity: 10,
    })
    ids.case = await insertFixtureProduct(db, catalog, {
      name: 'Otterbox Galaxy S7 Case',
      brand: 'Otterbox',
      category: 'accessories',
      priceMinor: 2_999,
      stock: 5,
      popularity: 90,
    })
    await engine.index((await loadSearchDocuments(db, Object.values(ids))).docs)
  })
  afterAll(async () => {
    await Promise.all([api.close(), limited.close()])
    for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
      const { collection_name } = await client.aliases(alias).retrieve()
      await client.aliases(alias).delete()
      await client.collections(collection_name).delete()
    }
  })

  const order = (r: { hits: { productId: string }[] }) =>
    r.hits.map((h) =>
      h.productId === ids.phone ? 'phone' : h.productId === ids.case ? 'case' : h.productId,
    )

  it('serves an anonymous shopper, with typo tolerance and facet counts', async () => {
    const anonymous = createTestClient(api.url).client
    const result = await anonymous.search.products.query({ q: 'galaxi s7' })
    expect(order(result)).toEqual(['case', 'phone'])
    expect(result.total).toBe(2)
    expect(result.facets.brand).toEqual([
      { value: 'Otterbox', count: 1 },
      { value: 'Samsung', count: 1 },
    ])
    const suggestions = await anonymous.search.autocomplete.query({ prefix: 'otter' })
    expect(suggestions.products.map((p) => p.productId)).toEqual([ids.case])
  })

  it('refuses searches past the per-IP limit with TOO_MANY_REQUESTS and when to retry', async () => {
    const anonymous = createTestClient(limited.url).client
    await anonymous.search.products.query({ q: 'galaxy' })
    await anonymous.search.autocomplete.query({ prefix: 'gal' })
    const refused = await errorOf(anonymous.search.products.query({ q: 'galaxy' }))
    expect(refused?.data?.code).toBe('TOO_MANY_REQUESTS')
    expect(refused?.message).toMatch(/^Too many searches\. Try again in \d+ s\.$/)
  })

  it('puts a signed-in shopper’s cart-add affinity first, unless they turn it off; anonymous keeps the plain order', async () => {
    const user = await createTestUser(api.deps.db)
    const shopper = await signIn(api.url, user.email, user.password)
    const before = await shopper.client.search.products.query({ q: 'galaxy' })
    expect(order(before)).toEqual(['case', 'phone'])

    const variant = await api.deps.db
      .selectFrom('product_variants')
      .select('id')
      .where('product_id', '=', ids.phone)
      .executeTakeFirstOrThrow()
    await shopper.client.cart.addLine.mutate({ variantId: variant.id, quantity: 1 })

    const personal = await shopper.client.search.products.query({ q: 'galaxy' })
    expect(order(personal)).toEqual(['phone', 'case'])
    const off = await shopper.client.search.products.query({ q: 'galaxy', personalize: false })
    expect(order(off)).toEqual(['case', 'phone'])
    const anonymous = await createTestClient(api.url).client.search.products.query({ q: 'galaxy' })
    expect(order(anonymous)).toEqual(['case', 'phone'])
  })
})
