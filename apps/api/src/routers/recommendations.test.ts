import { randomUUID } from 'node:crypto'
import {
  publishRecommendationRun,
  startRecommendationRun,
  writeRecommendationLists,
  type Db,
  type RecommendationList,
} from '@emporium/db'
import { insertTestOrder } from '@emporium/db/testing'
import { ALGORITHMS, type Algorithm } from '@emporium/domain/recommendations'
import { swapServedRun, writeRunLists } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { LIVE_RECOMMENDATION_CHANNEL } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assignAlgorithm } from '../recommendations/serve-recommendations'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf, signIn } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestUser } from '../testing/users'

type Fixture = Awaited<ReturnType<typeof insertCartVariant>>

/** A paid order of `userId` with one line of `product`. */
async function insertPaidPurchase(db: Db, userId: string, product: Fixture) {
  const order = await insertTestOrder(db, userId, { status: 'paid', paid_at: new Date() })
  await db
    .insertInto('order_items')
    .values({
      order_id: order.id,
      seller_id: product.sellerId,
      variant_id: product.variantId,
      product_id: product.productId,
      product_name: product.productName,
      sku: product.sku,
      unit_price_minor: 1_000,
      quantity: 1,
    })
    .execute()
}

describe('recommendations procedures', () => {
  let api: RunningApi
  let p: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g', Fixture>
  /** A category whose best sellers the run knows, and G: a product of it the run never saw. */
  let categoryPath: string
  let buyer: { id: string; email: string; password: string }
  /** The stored "beside product A" list of each algorithm (C is out of stock, D bought by the buyer). */
  let besideA: Record<Algorithm, string[]>

  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    const { db, redis } = api.deps
    const product = (stock: number) =>
      insertCartVariant(db, { prices: { USD: 1_000 }, stock: [stock] })
    p = {
      a: await product(5),
      b: await product(5),
      c: await product(0),
      d: await product(5),
      e: await product(5),
      f: await product(5),
      g: await product(5),
    }
    categoryPath = `kitchen-${randomUUID()}`
    const category = await db
      .insertInto('categories')
      .values({
        slug: categoryPath,
        path: categoryPath,
        name: 'Kitchen',
        depth: 0,
        parent_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .updateTable('products')
      .set({ category_id: category.id })
      .where('id', '=', p.g.productId)
      .execute()
    buyer = await createTestUser(db)
    await insertPaidPurchase(db, buyer.id, p.d)
    const id = (k: keyof typeof p) => p[k].productId
    besideA = {
      item_cf: [id('b'), id('c'), id('d'), id('e')],
      content: [id('e'), id('a'), id('d'), id('c'), id('b')],
      hybrid: [id('d'), id('b'), id('c'), id('e')],
      popularity: [id('e'), id('d'), id('b')],
    }
    const lists: RecommendationList[] = ALGORITHMS.flatMap((algorithm) => [
      { kind: 'product' as const, subjectId: id('a'), algorithm, items: besideA[algorithm] },
      { kind: 'product' as const, subjectId: id('f'), algorithm, items: [id('e'), id('d')] },
      { kind: 'product' as const, subjectId: id('e'), algorithm, items: [id('b')] },
    ]).map((list) => ({ ...list, items: list.items.map((itemId) => ({ itemId, score: 1 })) }))
    lists.push({
      kind: 'popular',
      subjectId: 'all',
      algorithm: 'popularity',
      items: (['c', 'd', 'b', 'a', 'e', 'f'] as const).map((k) => ({ itemId: id(k), score: 1 })),
    })
    lists.push({
      kind: 'popular',
      subjectId: `category:${categoryPath}`,
      algorithm: 'popularity',
      items: (['f', 'c', 'g', 'b'] as const).map((k) => ({ itemId: id(k), score: 1 })),
    })
    // A published run of the shop's channel, as the daily job leaves it.
    const runId = randomUUID()
    await startRecommendationRun(db, runId, LIVE_RECOMMENDATION_CHANNEL)
    await writeRecommendationLists(db, runId, lists)
    await writeRunLists(redis, LIVE_RECOMMENDATION_CHANNEL, runId, lists)
    await publishRecommendationRun(db, LIVE_RECOMMENDATION_CHANNEL, runId)
    await swapServedRun(redis, LIVE_RECOMMENDATION_CHANNEL, runId)
  })
  afterAll(async () => {
    await api.close()
  })

  const ids = (served: { items: { id: string }[] }) => served.items.map((i) => i.id)
  const without = (list: string[], ...out: string[]) => list.filter((id) => !out.includes(id))

  it('forProduct serves the visitor’s algorithm, without the product itself, out-of-stock or bought products', async () => {
    const visitorId = `visitor-${randomUUID()}`
    const { client } = createTestClient(api.url)
    const anonymous = await client.recommendations.forProduct.query({
      productId: p.a.productId,
      visitorId,
    })
    const algorithm = assignAlgorithm(undefined, visitorId).algorithm
    expect(anonymous.algorithm).toBe(algorithm)
    expect(ids(anonymous)).toEqual(without(besideA[algorithm], p.a.productId, p.c.productId))
    expect(anonymous.items[0]).toMatchObject({
      price: { amount: 1_000, currency: 'USD' },
      availability: 'low',
    })

    const signedIn = await signIn(api.url, buyer.email, buyer.password)
    const mine = await signedIn.client.recommendations.forProduct.query({
      productId: p.a.productId,
    })
    const buyerAlgorithm = assignAlgorithm(buyer.id, undefined).algorithm
    expect(mine.algorithm).toBe(buyerAlgorithm)
    expect(ids(mine)).toEqual(
      without(besideA[buyerAlgorithm], p.a.productId, p.c.productId, p.d.productId),
    )
    expect(ids(mine)).not.toContain(p.d.productId)
  })

  it('a product the run never saw gets its category’s best sellers, as does popular for that category', async () => {
    const { client } = createTestClient(api.url)
    const served = await client.recommendations.forProduct.query({ productId: p.g.productId })
    expect(ids(served)).toEqual([p.f.productId, p.b.productId])
    const popular = await client.recommendations.popular.query({ categoryPath })
    expect(ids(popular)).toEqual([p.f.productId, p.g.productId, p.b.productId])
  })

  it('popular lists best sellers without out-of-stock products, and without bought ones for the buyer', async () => {
    const { client } = createTestClient(api.url)
    const all = [p.d, p.b, p.a, p.e, p.f].map((x) => x.productId)
    const anonymous = await client.recommendations.popular.query({ limit: 10 })
    expect(anonymous.algorithm).toBe('popularity')
    expect(ids(anonymous)).toEqual(all)
    const signedIn = await signIn(api.url, buyer.email, buyer.password)
    const mine = await signedIn.client.recommendations.popular.query({ limit: 3 })
    expect(ids(mine)).toEqual([p.b, p.a, p.e].map((x) => x.productId))
  })

  it('forUser changes at once after a product view and a cart add, without a batch run', async () => {
    const shopper = await createTestUser(api.deps.db)
    const { client } = await signIn(api.url, shopper.email, shopper.password)
    // A newcomer gets the best sellers.
    expect(ids(await client.recommendations.forUser.query({ limit: 10 }))).toEqual(
      [p.d, p.b, p.a, p.e, p.f].map((x) => x.productId),
    )

    await client.catalog.getProduct.query({ id: p.f.productId })
    const afterView = await client.recommendations.forUser.query({ limit: 10 })
    // F's neighbours (E, then D) move to the top.
    expect(ids(afterView)).toEqual([p.e, p.d, p.b, p.a, p.f].map((x) => x.productId))

    await client.cart.addLine.mutate({ variantId: p.e.variantId, quantity: 1 })
    const afterCart = await client.recommendations.forUser.query({ limit: 10 })
    // E is in the cart now: left out, and its neighbour B moves up.
    expect(ids(afterCart)).toEqual([p.b, p.d, p.a, p.f].map((x) => x.productId))
  })

  it('buckets visitors deterministically and serves each its algorithm’s list', async () => {
    const { client } = createTestClient(api.url)
    const visitors = Array.from({ length: 40 }, () => `visitor-${randomUUID()}`)
    const byAlgorithm = new Map(visitors.map((v) => [assignAlgorithm(undefined, v).algorithm, v]))
    expect(byAlgorithm.size).toBe(ALGORITHMS.length)
    for (const [algorithm, visitorId] of byAlgorithm) {
      const first = await client.recommendations.forProduct.query({
        productId: p.a.productId,
        visitorId,
      })
      const again = await client.recommendations.forProduct.query({
        productId: p.a.productId,
        visitorId,
      })
      expect([first.algorithm, again.algorithm]).toEqual([algorithm, algorithm])
      expect(ids(first)).toEqual(without(besideA[algorithm], p.a.productId, p.c.productId))
      expect(first.impressionId).not.toBe(again.impressionId)
    }
    // Without a user or visitor id there is no experiment to record.
    const unassigned = await client.recommendations.forProduct.query({ productId: p.a.productId })
    expect(unassigned).toMatchObject({ impressionId: null, variant: 'unassigned' })
  })

  it('records clicks per impression and reports click-through per algorithm to admins only', async () => {
    const admin = await createTestUser(api.deps.db, 'admin')
    const { client: adminClient } = await signIn(api.url, admin.email, admin.password)
    const since = new Date(Date.now() - 1_000).toISOString()
    const report = async () =>
      (await adminClient.recommendations.clickThroughRates.query({ since })).rows
    const before = await report()

    const { client } = createTestClient(api.url)
    const visitorId = `visitor-${randomUUID()}`
    const served = await client.recommendations.forProduct.query({
      productId: p.a.productId,
      visitorId,
    })
    const impressionId = served.impressionId ?? ''
    const shown = served.items[0]?.id ?? ''
    expect(await client.recommendations.click.mutate({ impressionId, productId: shown })).toEqual({
      recorded: true,
    })
    expect(await client.recommendations.click.mutate({ impressionId, productId: shown })).toEqual({
      recorded: false,
    })
    const notShown = await errorOf(
      client.recommendations.click.mutate({ impressionId, productId: p.c.productId }),
    )
    expect(notShown?.data?.code).toBe('NOT_FOUND')
    expect(notShown?.message).toBe('That product was not part of this recommendation list.')

    const row = (rows: typeof before) =>
      rows.find((r) => r.surface === 'product' && r.algorithm === served.algorithm) ?? {
        impressions: 0,
        clicks: 0,
      }
    const after = await report()
    expect(row(after).impressions - row(before).impressions).toBe(served.items.length)
    expect(row(after).clicks - row(before).clicks).toBe(1)

    const customer = await createTestUser(api.deps.db)
    const { client: customerClient } = await signIn(api.url, customer.email, customer.password)
    const refused = await errorOf(customerClient.recommendations.clickThroughRates.query({}))
    expect(refused?.data?.code).toBe('FORBIDDEN')
  })

  it('refuses a bad limit with a readable message', async () => {
    const { client } = createTestClient(api.url)
    const error = await errorOf(client.recommendations.popular.query({ limit: 0 }))
    expect(error?.data?.code).toBe('BAD_REQUEST')
    expect(error?.message).toContain('Limit must be at least 1')
  })
})
