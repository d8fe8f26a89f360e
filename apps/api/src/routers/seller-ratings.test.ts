import { randomUUID } from 'node:crypto'
import { findSellerRatingSummary, recomputeSellerRating } from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf } from '../testing/api-client'
import { outboxEventsOf } from '../testing/outbox'
import {
  generousRateLimits,
  insertFulfillmentOf,
  insertOrderOf,
  insertSellerProduct,
  signedInCustomer,
  whileRatingLocked,
} from '../testing/review-fixtures'

describe('seller ratings', () => {
  let api: RunningApi

  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig(),
      port: 0,
      rateLimitNamespace: randomUUID(),
      rateLimits: generousRateLimits,
    })
  })
  afterAll(async () => {
    await api.close()
  })

  const db = () => api.deps.db
  const scores = { shipping: 5, accuracy: 4, communication: 3 }
  const ratingRows = (sellerId: string) =>
    db()
      .selectFrom('seller_ratings')
      .select(['order_id', 'user_id'])
      .where('seller_id', '=', sellerId)
      .execute()

  it('lets the buyer of a delivered order rate its seller once, aggregated per seller', async () => {
    const product = await insertSellerProduct(db())
    const buyer = await signedInCustomer(api)
    const order = await insertOrderOf(db(), buyer.id, [product])
    // A worker relay running meanwhile waits on the rating lock, so what shows is the write alone.
    await whileRatingLocked(db(), 'seller-rating', product.sellerId, async () => {
      expect(
        await buyer.browser.client.reviews.rateSeller.mutate({
          orderId: order.id,
          sellerId: product.sellerId,
          ...scores,
          comment: 'Fast and well packed',
        }),
      ).toEqual({ rated: true })
      // Aggregates are the worker's job; until it runs the seller shows no ratings.
      expect(
        (await buyer.browser.client.reviews.sellerRating.query({ sellerId: product.sellerId }))
          .ratingCount,
      ).toBe(0)
    })
    const twice = await errorOf(
      buyer.browser.client.reviews.rateSeller.mutate({
        orderId: order.id,
        sellerId: product.sellerId,
        ...scores,
      }),
    )
    expect(twice?.data?.code).toBe('CONFLICT')
    expect(twice?.message).toBe('You already rated this seller for this order.')
    expect(await ratingRows(product.sellerId)).toEqual([{ order_id: order.id, user_id: buyer.id }])
    expect(await outboxEventsOf(db(), 'seller_rating', product.sellerId)).toHaveLength(1)

    const second = await signedInCustomer(api)
    const secondOrder = await insertOrderOf(db(), second.id, [product])
    await second.browser.client.reviews.rateSeller.mutate({
      orderId: secondOrder.id,
      sellerId: product.sellerId,
      shipping: 2,
      accuracy: 4,
      communication: 5,
    })
    await recomputeSellerRating(db(), product.sellerId)
    expect(
      await buyer.browser.client.reviews.sellerRating.query({ sellerId: product.sellerId }),
    ).toEqual({
      sellerId: product.sellerId,
      ratingCount: 2,
      shipping: 3.5,
      accuracy: 4,
      communication: 4,
      overall: 3.83,
    })
  })

  it("shows the store's rating on its product pages from the seller's rating summary", async () => {
    const product = await insertSellerProduct(db())
    const buyers = await Promise.all([signedInCustomer(api), signedInCustomer(api)])
    const storeRating = async () =>
      (await buyers[0].browser.client.catalog.getProduct.query({ id: product.productId })).seller
        .rating
    await whileRatingLocked(db(), 'seller-rating', product.sellerId, async () => {
      for (const [i, buyer] of buyers.entries()) {
        const order = await insertOrderOf(db(), buyer.id, [product])
        await buyer.browser.client.reviews.rateSeller.mutate({
          orderId: order.id,
          sellerId: product.sellerId,
          shipping: 5,
          accuracy: 4 - i,
          communication: 3,
        })
      }
      // The ratings are stored, but until the worker summarises them the store shows unrated.
      expect(await ratingRows(product.sellerId)).toHaveLength(2)
      expect(await storeRating()).toEqual({ average: null, count: 0 })
    })
    await recomputeSellerRating(db(), product.sellerId)
    const summary = await findSellerRatingSummary(db(), product.sellerId)
    expect(summary).toMatchObject({ rating_count: 2, overall_average: 3.83 })
    // The cached page is dropped as after a product change; the next view reads the summary.
    await api.deps.catalog.invalidateProduct(product.productId, [])
    await vi.waitFor(async () =>
      expect(await storeRating()).toEqual({
        average: summary?.overall_average,
        count: summary?.rating_count,
      }),
    )
  })

  it("lets the buyer rate a seller whose part arrived while another seller's part is on its way", async () => {
    const product = await insertSellerProduct(db())
    const elsewhere = await insertSellerProduct(db())
    const buyer = await signedInCustomer(api)
    const order = await insertOrderOf(db(), buyer.id, [product, elsewhere], 'shipped')
    await insertFulfillmentOf(db(), order.id, product.sellerId, 'delivered')
    await insertFulfillmentOf(db(), order.id, elsewhere.sellerId, 'shipped')

    const toRate = async () =>
      (await buyer.browser.client.reviews.orderSellersToRate.query({ orderId: order.id }))
        .map(({ sellerId, delivered, rated }) => ({ sellerId, delivered, rated }))
        .sort((a, b) => a.sellerId.localeCompare(b.sellerId))
    const bySeller = (list: Awaited<ReturnType<typeof toRate>>) =>
      Object.fromEntries(list.map((s) => [s.sellerId, { delivered: s.delivered, rated: s.rated }]))
    expect(bySeller(await toRate())).toEqual({
      [product.sellerId]: { delivered: true, rated: null },
      [elsewhere.sellerId]: { delivered: false, rated: null },
    })
    expect(
      await buyer.browser.client.reviews.rateSeller.mutate({
        orderId: order.id,
        sellerId: product.sellerId,
        ...scores,
      }),
    ).toEqual({ rated: true })
    expect(bySeller(await toRate())).toEqual({
      [product.sellerId]: { delivered: true, rated: scores },
      [elsewhere.sellerId]: { delivered: false, rated: null },
    })
    const stranger = await signedInCustomer(api)
    const notTheirs = await errorOf(
      stranger.browser.client.reviews.orderSellersToRate.query({ orderId: order.id }),
    )
    expect(notTheirs?.data?.code).toBe('NOT_FOUND')
    expect(notTheirs?.message).toBe('You have no such order.')
    const early = await errorOf(
      buyer.browser.client.reviews.rateSeller.mutate({
        orderId: order.id,
        sellerId: elsewhere.sellerId,
        ...scores,
      }),
    )
    expect(early?.data?.code).toBe('FORBIDDEN')
    expect(await ratingRows(product.sellerId)).toEqual([{ order_id: order.id, user_id: buyer.id }])
    expect(await ratingRows(elsewhere.sellerId)).toEqual([])
  })

  it('refuses orders that are not delivered, not the caller’s, or without the seller’s items', async () => {
    const product = await insertSellerProduct(db())
    const otherSeller = await insertSellerProduct(db())
    const buyer = await signedInCustomer(api)
    const shipped = await insertOrderOf(db(), buyer.id, [product], 'shipped')
    const delivered = await insertOrderOf(db(), buyer.id, [product])
    const stranger = await signedInCustomer(api)

    const attempts = await Promise.all([
      errorOf(
        buyer.browser.client.reviews.rateSeller.mutate({
          orderId: shipped.id,
          sellerId: product.sellerId,
          ...scores,
        }),
      ),
      errorOf(
        stranger.browser.client.reviews.rateSeller.mutate({
          orderId: delivered.id,
          sellerId: product.sellerId,
          ...scores,
        }),
      ),
      errorOf(
        buyer.browser.client.reviews.rateSeller.mutate({
          orderId: delivered.id,
          sellerId: otherSeller.sellerId,
          ...scores,
        }),
      ),
    ])
    expect(attempts.map((e) => e?.data?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
    expect(attempts[0]?.message).toBe(
      "You can rate a seller only for a delivered order of yours that contains the seller's items.",
    )
    expect(await ratingRows(product.sellerId)).toEqual([])
    expect(await ratingRows(otherSeller.sellerId)).toEqual([])
  })
})
