import { randomUUID } from 'node:crypto'
import { createTestDb } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  insertTestCategories,
  insertTestProduct,
  insertTestStore,
  insertTestWarehouses,
} from '../catalog/catalog-fixtures'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { DEFAULT_RATE_LIMITS } from '../protection/rate-limits'

const rateLimits = { ...DEFAULT_RATE_LIMITS, publicPerIp: { points: 100_000, durationS: 60 } }

describe('catalog router', () => {
  let a: RunningApi
  let b: RunningApi
  beforeAll(async () => {
    await createTestDb()
    const namespace = randomUUID()
    ;[a, b] = await Promise.all([
      startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: namespace, rateLimits }),
      startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: namespace, rateLimits }),
    ])
    await Promise.all([a.deps.catalog.ready, b.deps.catalog.ready])
  })
  afterAll(async () => {
    await Promise.all([a.close(), b.close()])
  })

  /** Categories made as an admin would: the tree cache learns of them. */
  async function newCategories() {
    const created = await insertTestCategories(a.deps.db)
    await a.deps.catalog.invalidateCategories([created.child.path])
    return created
  }

  it('shows a write made through instance A on the next read from instance B', async () => {
    const db = a.deps.db
    const { root, child } = await newCategories()
    const store = await insertTestStore(db)
    const product = await insertTestProduct(db, { sellerId: store.id, categoryId: child.id })
    const onB = createTestClient(b.url).client
    const first = await onB.catalog.getProduct.query({ slug: product.slug })
    expect(first.name).toBe(product.name)
    expect(first.breadcrumbs.map((c) => c.path)).toEqual([root.path, child.path])
    expect(first.seller).toEqual({
      storeName: store.store_name,
      slug: store.slug,
      rating: { average: null, count: 0 },
    })
    await onB.catalog.getProduct.query({ slug: product.slug })
    const hitsBefore = b.deps.catalog.stats.localHits
    expect(hitsBefore).toBeGreaterThan(0)

    await db
      .updateTable('products')
      .set({ name: 'New name' })
      .where('id', '=', product.id)
      .execute()
    await a.deps.catalog.invalidateProduct(product.id, [child.id])

    expect((await onB.catalog.getProduct.query({ slug: product.slug })).name).toBe('New name')
    const listing = await onB.catalog.listProducts.query({ categoryPath: root.path })
    expect(listing.items.map((i) => i.name)).toEqual(['New name'])
  })

  it('runs one load for 200 concurrent cold reads over HTTP', async () => {
    const db = a.deps.db
    const { root } = await newCategories()
    const store = await insertTestStore(db)
    const product = await insertTestProduct(db, { sellerId: store.id, categoryId: root.id })
    const client = createTestClient(a.url).client
    await client.catalog.listCategories.query() // the category tree is warm, as in production
    const loadsBefore = a.deps.catalog.stats.dbLoads
    const pages = await Promise.all(
      Array.from({ length: 200 }, () => client.catalog.getProduct.query({ id: product.id })),
    )
    expect(a.deps.catalog.stats.dbLoads - loadsBefore).toBe(1)
    expect(pages.every((p) => p.slug === product.slug)).toBe(true)
  })

  it('never shows drafts or archived products', async () => {
    const db = a.deps.db
    const { root } = await newCategories()
    const store = await insertTestStore(db)
    const draft = await insertTestProduct(db, {
      sellerId: store.id,
      categoryId: root.id,
      status: 'draft',
    })
    const archived = await insertTestProduct(db, {
      sellerId: store.id,
      categoryId: root.id,
      status: 'archived',
    })
    const active = await insertTestProduct(db, { sellerId: store.id, categoryId: root.id })
    const client = createTestClient(a.url).client
    for (const hidden of [draft, archived]) {
      await expect(client.catalog.getProduct.query({ id: hidden.id })).rejects.toMatchObject({
        data: { code: 'NOT_FOUND' },
      })
    }
    const listing = await client.catalog.listProducts.query({ categoryPath: root.path })
    expect(listing.items.map((i) => i.id)).toEqual([active.id])
  })

  it('shows exact stock badges summed over warehouses', async () => {
    const db = a.deps.db
    const warehouseIds = await insertTestWarehouses(db)
    const { root } = await newCategories()
    const store = await insertTestStore(db)
    const product = await insertTestProduct(db, {
      sellerId: store.id,
      categoryId: root.id,
      warehouseIds,
      stock: [
        [{ onHand: 4 }, { onHand: 10, reserved: 4 }], // 10 available
        [{ onHand: 2 }, { onHand: 3, reserved: 2 }], // 3 available
        [{ onHand: 5, reserved: 5 }, { onHand: 0 }], // none
      ],
    })
    const page = await createTestClient(a.url).client.catalog.getProduct.query({ id: product.id })
    expect(page.variants.map((v) => [v.available, v.stock])).toEqual([
      [10, { status: 'in_stock', label: 'In stock' }],
      [3, { status: 'low', remaining: 3, label: 'Only 3 left' }],
      [0, { status: 'out_of_stock', label: 'Out of stock' }],
    ])
  })

  it('pages without duplicates or gaps while products are inserted concurrently', async () => {
    const db = a.deps.db
    const { root, child } = await newCategories()
    const store = await insertTestStore(db)
    const before: string[] = []
    for (let i = 0; i < 30; i += 1) {
      const p = await insertTestProduct(db, {
        sellerId: store.id,
        categoryId: i % 2 === 0 ? root.id : child.id,
        priceMinor: 1000 + (i % 7) * 100,
      })
      before.push(p.id)
    }
    const client = createTestClient(a.url).client
    for (const sort of ['newest', 'price_asc', 'price_desc', 'popularity'] as const) {
      let inserting = true
      const writer = (async () => {
        while (inserting) {
          const p = await insertTestProduct(db, {
            sellerId: store.id,
            categoryId: child.id,
            priceMinor: 1000 + Math.floor(Math.random() * 7) * 100,
          })
          await a.deps.catalog.invalidateProduct(p.id, [child.id])
        }
      })()
      const seen: string[] = []
      let cursor: string | undefined
      try {
        do {
          const page = await client.catalog.listProducts.query({
            categoryPath: root.path,
            sort,
            limit: 4,
            cursor,
          })
          seen.push(...page.items.map((i) => i.id))
          cursor = page.nextCursor ?? undefined
        } while (cursor)
      } finally {
        inserting = false
        await writer
      }
      expect(new Set(seen).size).toBe(seen.length)
      expect(before.filter((id) => !seen.includes(id))).toEqual([])
    }
  })

  it('refuses an unknown category and a cursor of another sort order', async () => {
    const client = createTestClient(a.url).client
    await expect(
      client.catalog.getCategory.query({ path: `missing-${randomUUID()}` }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } })
    const { root } = await newCategories()
    const page = await client.catalog.getCategory.query({ path: `${root.path}/child` })
    expect(page.breadcrumbs.map((c) => c.name)).toEqual(['Test root', 'Child'])
    const store = await insertTestStore(a.deps.db)
    for (let i = 0; i < 3; i += 1)
      await insertTestProduct(a.deps.db, { sellerId: store.id, categoryId: root.id })
    const first = await client.catalog.listProducts.query({ categoryPath: root.path, limit: 2 })
    await expect(
      client.catalog.listProducts.query({
        categoryPath: root.path,
        sort: 'price_asc',
        cursor: first.nextCursor ?? '',
      }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } })
  })
})
