import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'

// Two API instances: the seller writes through A, a shopper reads (and caches) through B.
describe('seller writes drop the shopper cache on every instance', () => {
  let a: RunningApi
  let b: RunningApi
  beforeAll(async () => {
    a = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    b = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await Promise.all([a.close(), b.close()])
  })

  it('shows an edit, a price change and an archive on the next read from the other instance', async () => {
    const { user } = await createTestSeller(a.deps.db)
    const seller = createTestClient(a.url)
    await seller.client.auth.login.mutate({ email: user.email, password: user.password })
    const product = await seller.client.seller.createProduct.mutate({
      name: 'Cache Test Lamp',
      prices: [{ amount: 2500, currency: 'USD' }],
    })
    await seller.client.seller.publishProduct.mutate({ productId: product.id })
    const shopper = createTestClient(b.url).client

    const first = await shopper.catalog.getProduct.query({ slug: product.slug })
    expect(first.name).toBe('Cache Test Lamp')
    await shopper.catalog.getProduct.query({ slug: product.slug }) // now served from B's cache

    await seller.client.seller.updateProduct.mutate({
      productId: product.id,
      name: 'Cache Test Lamp, brass',
      prices: [{ amount: 2500, currency: 'USD' }],
    })
    expect((await shopper.catalog.getProduct.query({ slug: product.slug })).name).toBe(
      'Cache Test Lamp, brass',
    )

    const sku = product.variants[0]?.sku ?? ''
    await seller.client.seller.bulkChangePrices.mutate({
      currency: 'USD',
      target: { by: 'skus', skus: [sku] },
      change: { kind: 'absolute', amount: -501 },
    })
    const repriced = await shopper.catalog.getProduct.query({ slug: product.slug })
    expect(repriced.variants[0]?.price).toEqual({ amount: 1999, currency: 'USD' })

    await seller.client.seller.archiveProduct.mutate({ productId: product.id })
    await expect(shopper.catalog.getProduct.query({ slug: product.slug })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    })
  })
})
