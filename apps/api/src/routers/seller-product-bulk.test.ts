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

describe('seller bulk work: import, price changes; admin categories', () => {
  let api: RunningApi
  let a: TestClient
  let b: TestClient
  let admin: TestClient

  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    const sellerA = await createTestSeller(api.deps.db)
    const sellerB = await createTestSeller(api.deps.db)
    const adminUser = await createTestUser(api.deps.db, 'admin')
    a = await signIn(api.url, sellerA.user.email, sellerA.user.password)
    b = await signIn(api.url, sellerB.user.email, sellerB.user.password)
    admin = await signIn(api.url, adminUser.email, adminUser.password)
  })
  afterAll(async () => {
    await api.close()
  })

  it('imports CSV rows one by one: good rows saved, each bad row reported exactly, progress at total', async () => {
    const root = await admin.client.catalogAdmin.createCategory.mutate({
      name: 'Home',
      slug: `home-${randomUUID().slice(0, 8)}`,
    })
    const lamps = await admin.client.catalogAdmin.createCategory.mutate({
      name: 'Lamps',
      slug: 'lamps',
      parentId: root.id,
    })
    expect([lamps.path, lamps.depth]).toEqual([`${root.path}/lamps`, 1])
    const u = randomUUID().slice(0, 8).toUpperCase()
    const csv = [
      'name,category,options,sku_prefix,price_USD,status',
      `Lamp,${lamps.path},,L${u},12.50,active`,
      `,,,,5,`,
      `Chair,,,C${u},1.999,`,
      `Desk,no/such,,D${u},10,`,
      `Sofa,,,S${u},,active`,
      `Table,,"Size:S,M",T${u},99,`,
      `Lamp again,,,L${u},3,`,
    ].join('\n')
    const importId = randomUUID()
    const result = await a.client.seller.importProducts.mutate({
      importId,
      source: { format: 'csv', text: csv },
    })
    expect(result).toEqual({
      importId,
      total: 7,
      imported: 2,
      failed: 5,
      errors: [
        { row: 2, field: 'name', message: 'Product name is required' },
        { row: 3, field: 'price_USD', message: 'USD allows at most 2 decimal places, got "1.999"' },
        { row: 4, field: 'category', message: 'No category "no/such"' },
        { row: 5, field: 'status', message: `Give a price to every variant first: S${u}` },
        {
          row: 7,
          field: 'sku',
          message: `SKU L${u} is already used by another product; choose another SKU or SKU prefix`,
        },
      ],
    })
    expect(await a.client.seller.importStatus.query({ importId })).toEqual({
      importId,
      total: 7,
      processed: 7,
      imported: 2,
      failed: 5,
      done: true,
    })
    expect(await codeOf(b.client.seller.importStatus.query({ importId }))).toBe('NOT_FOUND')
    expect(
      await codeOf(
        a.client.seller.importProducts.mutate({
          importId,
          source: { format: 'json', rows: [{ name: 'X' }] },
        }),
      ),
    ).toBe('CONFLICT')

    const rows = await api.deps.db
      .selectFrom('product_variants as v')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .leftJoin('prices as pr', 'pr.variant_id', 'v.id')
      .select(['p.id', 'p.name', 'p.status', 'p.category_id', 'v.sku', 'pr.amount_minor'])
      .where('v.sku', 'in', [`L${u}`, `T${u}-S`, `T${u}-M`, `C${u}`, `D${u}`, `S${u}`])
      .orderBy('v.sku')
      .execute()
    expect(rows.map((r) => [r.name, r.status, r.category_id, r.sku, r.amount_minor])).toEqual([
      ['Lamp', 'active', lamps.id, `L${u}`, 1250],
      ['Table', 'draft', null, `T${u}-M`, 9900],
      ['Table', 'draft', null, `T${u}-S`, 9900],
    ])
    const lamp = rows[0]?.id ?? ''
    expect((await outboxEventsOf(api.deps.db, 'product', lamp)).map(([t]) => t)).toEqual([
      'product.created',
      'product.published',
    ])
  })

  it('imports JSON rows with errors at their paths', async () => {
    const result = await a.client.seller.importProducts.mutate({
      source: {
        format: 'json',
        rows: [
          { name: 'Json one', prices: [{ amount: 100, currency: 'USD' }] },
          { name: '', prices: [{ amount: -5, currency: 'USD' }] },
          'not a product',
        ],
      },
    })
    expect(result.errors).toEqual([
      { row: 2, field: 'name', message: 'Product name is required' },
      { row: 2, field: 'prices.0.amount', message: 'Price must not be negative' },
      { row: 3, message: 'Invalid input: expected object, received string' },
    ])
    expect([result.total, result.imported, result.failed]).toEqual([3, 1, 2])
  })

  it('refuses a file it cannot read at all, importing nothing', async () => {
    const error = a.client.seller.importProducts.mutate({
      source: { format: 'csv', text: 'name,colour\nLamp,red' },
    })
    await expect(error).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } })
  })

  it('changes prices all or nothing, per currency, never below zero', async () => {
    const prefix = `P${randomUUID().slice(0, 8)}`.toUpperCase()
    const product = await a.client.seller.createProduct.mutate({
      name: 'Priced',
      skuPrefix: prefix,
      options: [{ name: 'Size', values: ['S', 'M'] }],
      prices: [
        { amount: 1000, currency: 'USD' },
        { amount: 900, currency: 'EUR' },
      ],
      variants: [{ options: { Size: 'M' }, prices: [{ amount: 200, currency: 'USD' }] }],
    })
    const skus = [`${prefix}-S`, `${prefix}-M`]
    const usd = async () =>
      (await a.client.seller.getProduct.query({ productId: product.id })).variants.map((v) =>
        v.prices.map((p) => `${p.amount} ${p.currency}`).join(', '),
      )

    const down = await a.client.seller.bulkChangePrices.mutate({
      target: { by: 'skus', skus },
      currency: 'USD',
      change: { kind: 'percentage', basisPoints: -1000 },
    })
    expect(down).toEqual({
      changed: 2,
      prices: [
        {
          sku: `${prefix}-S`,
          before: { amount: 1000, currency: 'USD' },
          after: { amount: 900, currency: 'USD' },
        },
        {
          sku: `${prefix}-M`,
          before: { amount: 200, currency: 'USD' },
          after: { amount: 180, currency: 'USD' },
        },
      ],
    })
    const events = await outboxEventsOf(api.deps.db, 'product', product.id)
    expect(events.at(-1)).toEqual([
      'price.changed',
      {
        prices: [
          { sku: `${prefix}-S`, currency: 'USD', from: 1000, to: 900 },
          { sku: `${prefix}-M`, currency: 'USD', from: 200, to: 180 },
        ],
      },
    ])

    const negative = a.client.seller.bulkChangePrices.mutate({
      target: { by: 'skus', skus },
      currency: 'USD',
      change: { kind: 'absolute', amount: -500 },
    })
    await expect(negative).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
      message: `No price was changed; prices may not go below zero. ${prefix}-M: 1.80 USD would become -3.20 USD, below zero.`,
    })
    const unknown = a.client.seller.bulkChangePrices.mutate({
      target: { by: 'skus', skus: [...skus, 'NO-SUCH-SKU'] },
      currency: 'USD',
      change: { kind: 'absolute', amount: 100 },
    })
    await expect(unknown).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } })
    expect(await usd()).toEqual(['900 EUR, 900 USD', '900 EUR, 180 USD'])
    expect(await outboxEventsOf(api.deps.db, 'product', product.id)).toEqual(events)

    await a.client.seller.bulkChangePrices.mutate({
      target: { by: 'filter', productIds: [product.id] },
      currency: 'EUR',
      change: { kind: 'percentage', basisPoints: 550 },
    })
    expect(await usd()).toEqual(['950 EUR, 900 USD', '950 EUR, 180 USD'])
  })

  it('lets only admins manage categories; refuses cycles and taken slugs', async () => {
    const slug = `c-${randomUUID().slice(0, 8)}`
    expect(await codeOf(a.client.catalogAdmin.createCategory.mutate({ name: 'X', slug }))).toBe(
      'FORBIDDEN',
    )
    expect(
      await codeOf(
        createTestClient(api.url).client.catalogAdmin.createCategory.mutate({ name: 'X', slug }),
      ),
    ).toBe('UNAUTHORIZED')
    const top = await admin.client.catalogAdmin.createCategory.mutate({ name: 'Top', slug })
    const child = await admin.client.catalogAdmin.createCategory.mutate({
      name: 'Child',
      slug: 'child',
      parentId: top.id,
    })
    expect(
      await codeOf(
        admin.client.catalogAdmin.moveCategory.mutate({ categoryId: top.id, parentId: child.id }),
      ),
    ).toBe('BAD_REQUEST')
    expect(
      await codeOf(admin.client.catalogAdmin.createCategory.mutate({ name: 'Again', slug })),
    ).toBe('CONFLICT')
    const renamed = await admin.client.catalogAdmin.renameCategory.mutate({
      categoryId: top.id,
      name: 'Top renamed',
      slug: `${slug}-r`,
    })
    expect(renamed).toEqual({ ...top, name: 'Top renamed', slug: `${slug}-r`, path: `${slug}-r` })
  })
})
