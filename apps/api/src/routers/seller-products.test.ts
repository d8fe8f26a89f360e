import { randomUUID } from 'node:crypto'
import type { TRPCClientError } from '@trpc/client'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from '../root'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, type TestClient, signIn } from '../testing/api-client'
import { outboxEventsOf } from '../testing/outbox'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e as TRPCClientError<AppRouter>).data?.code ?? String(e),
  )

describe('seller products: ownership, variants, prices, status', () => {
  let api: RunningApi
  let a: TestClient
  let b: TestClient
  let sellerAId: string

  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    const sellerA = await createTestSeller(api.deps.db)
    const sellerB = await createTestSeller(api.deps.db)
    sellerAId = sellerA.seller.id
    a = await signIn(api.url, sellerA.user.email, sellerA.user.password)
    b = await signIn(api.url, sellerB.user.email, sellerB.user.password)
  })
  afterAll(async () => {
    await api.close()
  })

  const tee = () => ({
    name: 'Organic Tee',
    description: 'Soft cotton',
    brand: 'Acme',
    attributes: { material: 'cotton', weight_g: 180, organic: true },
    tags: ['Summer', 'cotton'],
    options: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Red', 'Navy blue'] },
    ],
    skuPrefix: `T${randomUUID().slice(0, 8)}`.toUpperCase(),
    prices: [
      { amount: 1999, currency: 'USD' as const },
      { amount: 1850, currency: 'EUR' as const },
    ],
    variants: [
      {
        options: { Size: 'M', Colour: 'Navy blue' },
        prices: [{ amount: 2199, currency: 'USD' as const }],
      },
    ],
  })

  it('creates a draft with one variant per option combination, exact SKUs and per-currency minor-unit prices', async () => {
    const input = tee()
    const p = input.skuPrefix
    const product = await a.client.seller.createProduct.mutate(input)
    expect(product).toMatchObject({
      name: 'Organic Tee',
      brand: 'Acme',
      status: 'draft',
      attributes: { material: 'cotton', weight_g: 180, organic: true },
      tags: ['summer', 'cotton'],
      options: input.options,
    })
    expect(product.slug).toBe(`organic-tee-${product.id.slice(0, 8)}`)
    expect(product.variants.map((v) => [v.sku, v.title, v.optionValues, v.prices])).toEqual([
      [
        `${p}-S-RED`,
        'S / Red',
        { Size: 'S', Colour: 'Red' },
        [
          { amount: 1850, currency: 'EUR' },
          { amount: 1999, currency: 'USD' },
        ],
      ],
      [
        `${p}-S-NAVY-BLUE`,
        'S / Navy blue',
        { Size: 'S', Colour: 'Navy blue' },
        [
          { amount: 1850, currency: 'EUR' },
          { amount: 1999, currency: 'USD' },
        ],
      ],
      [
        `${p}-M-RED`,
        'M / Red',
        { Size: 'M', Colour: 'Red' },
        [
          { amount: 1850, currency: 'EUR' },
          { amount: 1999, currency: 'USD' },
        ],
      ],
      [
        `${p}-M-NAVY-BLUE`,
        'M / Navy blue',
        { Size: 'M', Colour: 'Navy blue' },
        [
          { amount: 1850, currency: 'EUR' },
          { amount: 2199, currency: 'USD' },
        ],
      ],
    ])
    const stored = await api.deps.db
      .selectFrom('prices')
      .innerJoin('product_variants as v', 'v.id', 'prices.variant_id')
      .select(['v.sku', 'prices.currency', 'prices.amount_minor'])
      .where('v.product_id', '=', product.id)
      .where('prices.currency', '=', 'USD')
      .orderBy('v.position')
      .execute()
    expect(stored.map((r) => r.amount_minor)).toEqual([1999, 1999, 1999, 2199])
    expect(await outboxEventsOf(api.deps.db, 'product', product.id)).toEqual([
      ['product.created', { sellerId: sellerAId }],
    ])
    // Without a prefix the SKU starts with the product id.
    const plain = await a.client.seller.createProduct.mutate({
      name: 'Mug',
      prices: [{ amount: 500, currency: 'JPY' }],
    })
    expect(plain.variants.map((v) => [v.sku, v.title, v.prices])).toEqual([
      [
        plain.id.replace(/-/g, '').slice(0, 8).toUpperCase(),
        'Default',
        [{ amount: 500, currency: 'JPY' }],
      ],
    ])
  })

  it("hides a seller's products from another seller: NOT_FOUND everywhere, nothing changed", async () => {
    const product = await a.client.seller.createProduct.mutate(tee())
    const sku = product.variants[0]?.sku ?? ''
    const id = { productId: product.id }
    const attempts = {
      getProduct: await codeOf(b.client.seller.getProduct.query(id)),
      updateProduct: await codeOf(b.client.seller.updateProduct.mutate({ ...id, name: 'Stolen' })),
      publishProduct: await codeOf(b.client.seller.publishProduct.mutate(id)),
      archiveProduct: await codeOf(b.client.seller.archiveProduct.mutate(id)),
      restoreProduct: await codeOf(b.client.seller.restoreProduct.mutate(id)),
      bulkChangePrices: await codeOf(
        b.client.seller.bulkChangePrices.mutate({
          target: { by: 'skus', skus: [sku] },
          currency: 'USD',
          change: { kind: 'absolute', amount: -100 },
        }),
      ),
    }
    expect(attempts).toEqual({
      getProduct: 'NOT_FOUND',
      updateProduct: 'NOT_FOUND',
      publishProduct: 'NOT_FOUND',
      archiveProduct: 'NOT_FOUND',
      restoreProduct: 'NOT_FOUND',
      bulkChangePrices: 'NOT_FOUND',
    })
    const { items } = await b.client.seller.listProducts.query({ limit: 100 })
    expect(items.map((i) => i.id)).not.toContain(product.id)
    // A filter of B's products never reaches A's prices.
    await b.client.seller.bulkChangePrices.mutate({
      target: { by: 'filter', productIds: [product.id] },
      currency: 'USD',
      change: { kind: 'absolute', amount: -100 },
    })
    expect(await a.client.seller.getProduct.query(id)).toEqual(product)
    expect((await outboxEventsOf(api.deps.db, 'product', product.id)).map(([t]) => t)).toEqual([
      'product.created',
    ])
  })

  it('refuses anonymous callers, customers and sellers without an approved store', async () => {
    const customer = await createTestUser(api.deps.db)
    const pending = await createTestSeller(api.deps.db, 'pending')
    const callers = {
      anonymous: createTestClient(api.url),
      customer: await signIn(api.url, customer.email, customer.password),
      pending: await signIn(api.url, pending.user.email, pending.user.password),
    }
    const productId = randomUUID()
    const results: Record<string, string[]> = {}
    for (const [who, { client }] of Object.entries(callers)) {
      const s = client.seller
      results[who] = [
        await codeOf(s.createProduct.mutate({ name: 'X' })),
        await codeOf(s.updateProduct.mutate({ productId, name: 'X' })),
        await codeOf(s.publishProduct.mutate({ productId })),
        await codeOf(s.archiveProduct.mutate({ productId })),
        await codeOf(s.restoreProduct.mutate({ productId })),
        await codeOf(s.getProduct.query({ productId })),
        await codeOf(s.listProducts.query({})),
        await codeOf(
          s.importProducts.mutate({ source: { format: 'json', rows: [{ name: 'X' }] } }),
        ),
        await codeOf(s.importStatus.query({ importId: productId })),
        await codeOf(
          s.bulkChangePrices.mutate({
            target: { by: 'filter' },
            currency: 'USD',
            change: { kind: 'percentage', basisPoints: 100 },
          }),
        ),
      ]
    }
    expect(results).toEqual({
      anonymous: Array(10).fill('UNAUTHORIZED'),
      customer: Array(10).fill('FORBIDDEN'),
      pending: Array(10).fill('FORBIDDEN'),
    })
    const created = await api.deps.db
      .selectFrom('products')
      .select('id')
      .where('seller_id', '=', pending.seller.id)
      .execute()
    expect(created).toEqual([])
  })

  it('publishes, archives and restores with one outbox event per move; refuses the rest', async () => {
    const unpriced = await a.client.seller.createProduct.mutate({ name: 'Unpriced' })
    const refused = a.client.seller.publishProduct.mutate({ productId: unpriced.id })
    await expect(refused).rejects.toMatchObject({
      message: `Give a price to every variant first: ${unpriced.variants[0]?.sku}.`,
    })
    const product = await a.client.seller.createProduct.mutate(tee())
    const id = { productId: product.id }
    expect((await a.client.seller.publishProduct.mutate(id)).status).toBe('active')
    expect(await codeOf(a.client.seller.publishProduct.mutate(id))).toBe('CONFLICT')
    expect(await codeOf(a.client.seller.restoreProduct.mutate(id))).toBe('CONFLICT')
    expect((await a.client.seller.archiveProduct.mutate(id)).status).toBe('archived')
    await expect(
      a.client.seller.updateProduct.mutate({ ...id, name: 'Edited' }),
    ).rejects.toMatchObject({
      message: 'An archived product cannot be edited. Restore it to draft first.',
    })
    expect((await a.client.seller.restoreProduct.mutate(id)).status).toBe('draft')
    expect(await outboxEventsOf(api.deps.db, 'product', product.id)).toEqual([
      ['product.created', { sellerId: sellerAId }],
      ['product.published', { sellerId: sellerAId, from: 'draft' }],
      ['product.archived', { sellerId: sellerAId, from: 'active' }],
      ['product.restored', { sellerId: sellerAId, from: 'archived' }],
    ])
    expect((await outboxEventsOf(api.deps.db, 'product', unpriced.id)).map(([t]) => t)).toEqual([
      'product.created',
    ])

    const drafts = await a.client.seller.listProducts.query({ status: 'draft', limit: 1 })
    expect(drafts.items.map((i) => [i.id, i.status, i.variantCount])).toEqual([
      [product.id, 'draft', 4],
    ])
    const next = await a.client.seller.listProducts.query({
      status: 'draft',
      limit: 1,
      cursor: drafts.nextCursor ?? '',
    })
    expect(next.items.map((i) => i.id)).toEqual([unpriced.id])
  })

  it('edits variants by SKU and records price.changed; a refused edit leaves no trace', async () => {
    const input = tee()
    const product = await a.client.seller.createProduct.mutate(input)
    const edited = await a.client.seller.updateProduct.mutate({
      ...input,
      productId: product.id,
      name: 'Organic Tee v2',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      prices: [{ amount: 2099, currency: 'USD' }],
      variants: [],
    })
    expect(edited.variants.map((v) => [v.sku, v.prices])).toEqual([
      [`${input.skuPrefix}-S`, [{ amount: 2099, currency: 'USD' }]],
      [`${input.skuPrefix}-M`, [{ amount: 2099, currency: 'USD' }]],
    ])
    const events = await outboxEventsOf(api.deps.db, 'product', product.id)
    expect(events.map(([t]) => t)).toEqual(['product.created', 'product.updated', 'price.changed'])

    // The SKU of another seller's product is taken: CONFLICT, and nothing of the edit remains.
    const other = await b.client.seller.createProduct.mutate({
      name: 'Other',
      skuPrefix: `O${randomUUID().slice(0, 8)}`,
    })
    const takenSku = other.variants[0]?.sku ?? ''
    const clash = a.client.seller.updateProduct.mutate({
      ...input,
      productId: product.id,
      name: 'Clash',
      options: [],
      variants: [],
      skuPrefix: takenSku,
    })
    await expect(clash).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: `sku: SKU ${takenSku} is already used by another product; choose another SKU or SKU prefix`,
    })
    expect(await a.client.seller.getProduct.query({ productId: product.id })).toEqual(edited)
    expect(await outboxEventsOf(api.deps.db, 'product', product.id)).toEqual(events)
  })
})
