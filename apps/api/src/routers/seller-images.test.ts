import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Db } from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'

async function insertProduct(db: Db, sellerId: string): Promise<string> {
  const key = randomUUID()
  const row = await db
    .insertInto('products')
    .values({ seller_id: sellerId, name: `Camera ${key}`, slug: `camera-${key}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function signedInSeller(api: RunningApi) {
  const { user, seller } = await createTestSeller(api.deps.db)
  const browser = createTestClient(api.url)
  await browser.client.auth.login.mutate({ email: user.email, password: user.password })
  return { browser, sellerId: seller.id, productId: await insertProduct(api.deps.db, seller.id) }
}

describe('seller product images', () => {
  let api: RunningApi
  let storageDir: string
  const png = () =>
    sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#cc2200' } })
      .png()
      .toBuffer()

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'emporium-media-'))
    api = await startApiServer({
      config: testConfig({ STORAGE_DIR: storageDir, S3_BUCKET: '' }),
      port: 0,
      rateLimitNamespace: randomUUID(),
    })
  })
  afterAll(async () => {
    await api.close()
    await rm(storageDir, { recursive: true, force: true })
  })

  const imageRows = (productId: string) =>
    api.deps.db
      .selectFrom('product_images')
      .selectAll()
      .where('product_id', '=', productId)
      .execute()
  const outboxRows = (productId: string) =>
    api.deps.db
      .selectFrom('outbox')
      .select(['event_type', 'aggregate_type', 'payload'])
      .where('aggregate_id', '=', productId)
      .orderBy('id')
      .execute()
  const storedFiles = async (productId: string) =>
    (
      await readdir(path.join(storageDir, 'objects', 'products', productId), {
        recursive: true,
      }).catch(() => [])
    ).sort()

  it('stores a PNG as thumb, medium and large WebP of exact sizes, served at /media, with an outbox event', async () => {
    const { browser, productId } = await signedInSeller(api)
    const image = await browser.client.seller.uploadProductImage.mutate({
      productId,
      data: (await png()).toString('base64'),
      altText: 'Front view',
    })
    expect(image).toMatchObject({ productId, altText: 'Front view', position: 0 })
    const { thumb, medium, large } = image.variants
    expect([thumb, medium, large].map((v) => [v.width, v.height, v.contentType])).toEqual([
      [200, 150, 'image/webp'],
      [600, 450, 'image/webp'],
      [1200, 900, 'image/webp'],
    ])
    expect(large.url).toMatch(
      new RegExp(`^/media/products/${productId}/[0-9a-f-]{36}/large\\.webp$`),
    )

    for (const variant of [thumb, medium, large]) {
      const response = await fetch(`${api.url}${variant.url}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/webp')
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual([
        'webp',
        variant.width,
        variant.height,
      ])
    }

    const rows = await imageRows(productId)
    expect(
      rows.map((r) => [r.id, r.storage_key, r.content_type, r.width, r.height, r.alt_text]),
    ).toEqual([
      [image.id, large.url.slice('/media/'.length), 'image/webp', 1200, 900, 'Front view'],
    ])
    expect(await outboxRows(productId)).toEqual([
      {
        event_type: 'product.image_added',
        aggregate_type: 'product',
        payload: { imageId: image.id, storageKey: rows[0]?.storage_key },
      },
    ])

    await expect(
      browser.client.seller.deleteProductImage.mutate({ imageId: image.id }),
    ).resolves.toEqual({ deleted: true })
    expect(await imageRows(productId)).toEqual([])
    expect((await outboxRows(productId)).map((r) => r.event_type)).toEqual([
      'product.image_added',
      'product.image_removed',
    ])
    expect((await fetch(`${api.url}${large.url}`)).status).toBe(404)
  })

  it('refuses a text file named .png, and an oversize upload, storing nothing', async () => {
    const { browser, productId } = await signedInSeller(api)
    const text = await errorOf(
      browser.client.seller.uploadProductImage.mutate({
        productId,
        data: Buffer.from('name,price\nNikon Z6,1999\n').toString('base64'),
      }),
    )
    expect(text?.data?.code).toBe('BAD_REQUEST')
    expect(text?.message).toBe('This file is not a JPEG, PNG or WebP image.')

    const huge = Buffer.alloc(10 * 1024 * 1024 + 1)
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(huge)
    const oversize = await errorOf(
      browser.client.seller.uploadProductImage.mutate({ productId, data: huge.toString('base64') }),
    )
    expect(oversize?.data?.code).toBe('BAD_REQUEST')
    expect(oversize?.message).toContain('Images can be at most 10 MB.')

    expect(await imageRows(productId)).toEqual([])
    expect(await outboxRows(productId)).toEqual([])
    expect(await storedFiles(productId)).toEqual([])
  })

  it("answers NOT_FOUND for another seller's product or image, changing nothing", async () => {
    const owner = await signedInSeller(api)
    const other = await signedInSeller(api)
    const image = await owner.browser.client.seller.uploadProductImage.mutate({
      productId: owner.productId,
      data: (await png()).toString('base64'),
    })
    const upload = await errorOf(
      other.browser.client.seller.uploadProductImage.mutate({
        productId: owner.productId,
        data: (await png()).toString('base64'),
      }),
    )
    expect([upload?.data?.code, upload?.message]).toEqual([
      'NOT_FOUND',
      'No such product in your store.',
    ])
    const remove = await errorOf(
      other.browser.client.seller.deleteProductImage.mutate({ imageId: image.id }),
    )
    expect([remove?.data?.code, remove?.message]).toEqual([
      'NOT_FOUND',
      'No such image in your store.',
    ])
    expect((await imageRows(owner.productId)).map((r) => r.id)).toEqual([image.id])
    expect((await outboxRows(owner.productId)).map((r) => r.event_type)).toEqual([
      'product.image_added',
    ])
    expect(await storedFiles(owner.productId)).toHaveLength(4) // folder + three sizes
  })

  it('answers 404 for unknown media keys and path traversal', async () => {
    for (const p of [
      '/media/products/nope/large.webp',
      '/media/..%2F..%2Fpackage.json',
      '/media/%2E%2E/%2E%2E/package.json',
      '/media/',
    ]) {
      const response = await fetch(`${api.url}${p}`)
      expect(response.status, p).toBe(404)
    }
  })
})
