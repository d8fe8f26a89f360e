import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { testConfig } from '@emporium/infra/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf } from '../testing/api-client'
import {
  generousRateLimits,
  insertOrderOf,
  insertSellerProduct,
  ordinaryText,
  signedInCustomer,
} from '../testing/review-fixtures'

describe('review photos', () => {
  let api: RunningApi
  let storageDir: string
  const jpeg = () =>
    sharp({ create: { width: 900, height: 600, channels: 3, background: '#2255aa' } })
      .jpeg()
      .toBuffer()

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'emporium-review-media-'))
    api = await startApiServer({
      config: testConfig({ STORAGE_DIR: storageDir, S3_BUCKET: '' }),
      port: 0,
      rateLimitNamespace: randomUUID(),
      rateLimits: generousRateLimits,
    })
  })
  afterAll(async () => {
    await api.close()
    await rm(storageDir, { recursive: true, force: true })
  })

  it('stores an uploaded photo in sizes, attaches it to a review and serves it', async () => {
    const product = await insertSellerProduct(api.deps.db)
    const customer = await signedInCustomer(api)
    await insertOrderOf(api.deps.db, customer.id, [product])
    const photo = await customer.browser.client.reviews.uploadPhoto.mutate({
      data: (await jpeg()).toString('base64'),
    })
    expect(photo.key).toMatch(new RegExp(`^reviews/${customer.id}/[0-9a-f-]{36}/large\\.webp$`))
    const files = await readdir(path.join(storageDir, 'objects', path.dirname(photo.key)))
    expect(files.sort()).toEqual(['large.webp', 'medium.webp', 'thumb.webp'])

    const review = await customer.browser.client.reviews.create.mutate({
      productId: product.productId,
      rating: 5,
      title: 'See for yourself',
      body: ordinaryText(),
      photoKeys: [photo.key],
    })
    expect(review.photos).toEqual([{ thumbUrl: photo.thumbUrl, largeUrl: photo.largeUrl }])
    // The author's own view names the keys, so an edit can keep the photos.
    expect(review.photoKeys).toEqual([photo.key])
    const listed = await customer.browser.client.reviews.list.query({
      productId: product.productId,
    })
    expect(listed.items[0]?.photos).toEqual(review.photos)

    const served = await fetch(new URL(photo.thumbUrl, api.url))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    const { width, height } = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect([width, height]).toEqual([200, 133])
  })

  it("refuses someone else's photo and a file that is not an image", async () => {
    const product = await insertSellerProduct(api.deps.db)
    const owner = await signedInCustomer(api)
    const photo = await owner.browser.client.reviews.uploadPhoto.mutate({
      data: (await jpeg()).toString('base64'),
    })
    const thief = await signedInCustomer(api)
    const stolen = await errorOf(
      thief.browser.client.reviews.create.mutate({
        productId: product.productId,
        rating: 4,
        title: 'Mine',
        body: ordinaryText(),
        photoKeys: [photo.key],
      }),
    )
    expect(stolen?.data?.code).toBe('BAD_REQUEST')
    expect(stolen?.message).toBe(
      'A photo was not uploaded by you. Upload it again with reviews.uploadPhoto.',
    )
    const rows = await api.deps.db
      .selectFrom('reviews')
      .select('id')
      .where('product_id', '=', product.productId)
      .execute()
    expect(rows).toEqual([])

    const notImage = await errorOf(
      thief.browser.client.reviews.uploadPhoto.mutate({
        data: Buffer.from('plain text, not a picture').toString('base64'),
      }),
    )
    expect(notImage?.data?.code).toBe('BAD_REQUEST')
  })
})
