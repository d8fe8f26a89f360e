import { randomUUID } from 'node:crypto'
import {
  findProductRatingSummary,
  recomputeHelpfulCount,
  recomputeProductRating,
} from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf, signIn, type TestClient } from '../testing/api-client'
import { outboxEventsOf } from '../testing/outbox'
import {
  ageAccount,
  generousRateLimits,
  insertFulfillmentOf,
  insertOrderOf,
  insertReviewRow,
  insertSellerProduct,
  ordinaryText,
  signedInCustomer,
  whileRatingLocked,
} from '../testing/review-fixtures'

describe('reviews', () => {
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
  const reviewRows = (productId: string) =>
    db().selectFrom('reviews').selectAll().where('product_id', '=', productId).execute()
  const draft = (productId: string, rating = 4) => ({
    productId,
    rating,
    title: 'Does the job',
    body: ordinaryText(),
  })

  /** A signed-in customer who bought and received the product. */
  async function buyer(product: { productId: string; sellerId: string }) {
    const customer = await signedInCustomer(api)
    await insertOrderOf(db(), customer.id, [product])
    return customer
  }

  describe('verified purchase', () => {
    it('is shown only when the reviewer has a delivered order containing the product', async () => {
      const product = await insertSellerProduct(db())
      const other = await insertSellerProduct(db())

      const delivered = await buyer(product)
      const shipped = await signedInCustomer(api)
      await insertOrderOf(db(), shipped.id, [product], 'shipped')
      const boughtOther = await signedInCustomer(api)
      await insertOrderOf(db(), boughtOther.id, [other])
      const neverBought = await signedInCustomer(api)
      await ageAccount(db(), neverBought.id)

      const verified = await Promise.all(
        [delivered, shipped, boughtOther, neverBought].map(async (c) => {
          const r = await c.browser.client.reviews.create.mutate(draft(product.productId))
          return r.verifiedPurchase
        }),
      )
      expect(verified).toEqual([true, false, false, false])
      const stored = await reviewRows(product.productId)
      expect(stored.filter((r) => r.verified_purchase).map((r) => r.user_id)).toEqual([
        delivered.id,
      ])
    })

    it("counts the seller's delivered part of an order still shipping elsewhere, and survives a later refund", async () => {
      const product = await insertSellerProduct(db())
      const elsewhere = await insertSellerProduct(db())
      const lines = [product, elsewhere]
      // Two sellers: this product's part arrived, the other seller's is still on its way.
      const partly = await signedInCustomer(api)
      const partlyOrder = await insertOrderOf(db(), partly.id, lines, 'shipped')
      await insertFulfillmentOf(db(), partlyOrder.id, product.sellerId, 'delivered')
      await insertFulfillmentOf(db(), partlyOrder.id, elsewhere.sellerId, 'shipped')
      // Delivered, then part of the order refunded: the product still reached the buyer.
      const refunded = await signedInCustomer(api)
      const refundedOrder = await insertOrderOf(db(), refunded.id, [product], 'partially_refunded')
      await insertFulfillmentOf(db(), refundedOrder.id, product.sellerId, 'delivered')
      // The other way round: only the other seller's part arrived.
      const waiting = await signedInCustomer(api)
      const waitingOrder = await insertOrderOf(db(), waiting.id, lines, 'shipped')
      await insertFulfillmentOf(db(), waitingOrder.id, product.sellerId, 'shipped')
      await insertFulfillmentOf(db(), waitingOrder.id, elsewhere.sellerId, 'delivered')

      const verified = await Promise.all(
        [partly, refunded, waiting].map(
          async (c) =>
            (await c.browser.client.reviews.create.mutate(draft(product.productId)))
              .verifiedPurchase,
        ),
      )
      expect(verified).toEqual([true, true, false])
    })

    it('is earned by an edit once the order is delivered', async () => {
      const product = await insertSellerProduct(db())
      const customer = await signedInCustomer(api)
      const order = await insertOrderOf(db(), customer.id, [product], 'shipped')
      const review = await customer.browser.client.reviews.create.mutate(draft(product.productId))
      expect(review.verifiedPurchase).toBe(false)
      await db()
        .updateTable('orders')
        .set({ status: 'delivered' })
        .where('id', '=', order.id)
        .execute()
      const edited = await customer.browser.client.reviews.update.mutate({
        reviewId: review.id,
        rating: 5,
        title: 'Better than expected',
        body: ordinaryText(),
        photoKeys: [],
      })
      expect(edited).toMatchObject({ verifiedPurchase: true, rating: 5, status: 'published' })
    })
  })

  describe('one review per user and product', () => {
    it('refuses a second review and edits the first instead', async () => {
      const product = await insertSellerProduct(db())
      const customer = await buyer(product)
      const first = await customer.browser.client.reviews.create.mutate(draft(product.productId, 3))
      expect(first).toMatchObject({ rating: 3, status: 'published', verifiedPurchase: true })

      const again = await errorOf(
        customer.browser.client.reviews.create.mutate(draft(product.productId, 5)),
      )
      expect(again?.data?.code).toBe('CONFLICT')
      expect(again?.message).toBe('You already reviewed this product. Edit your review instead.')

      const body = ordinaryText()
      const edited = await customer.browser.client.reviews.update.mutate({
        reviewId: first.id,
        rating: 5,
        title: 'Grew on me',
        body,
        photoKeys: [],
      })
      expect(edited).toMatchObject({ id: first.id, rating: 5, title: 'Grew on me', body })
      const rows = await reviewRows(product.productId)
      expect(rows.map((r) => [r.id, r.rating])).toEqual([[first.id, 5]])
      expect(
        await customer.browser.client.reviews.mine.query({ productId: product.productId }),
      ).toMatchObject({ id: first.id, rating: 5, status: 'published' })
    })

    it('keeps one row when the same user submits twice at the same moment', async () => {
      const product = await insertSellerProduct(db())
      const customer = await buyer(product)
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          errorOf(customer.browser.client.reviews.create.mutate(draft(product.productId))),
        ),
      )
      expect(results.filter((e) => e === null)).toHaveLength(1)
      expect(results.filter((e) => e?.data?.code === 'CONFLICT')).toHaveLength(2)
      expect(await reviewRows(product.productId)).toHaveLength(1)
    })

    it("does not let anyone edit someone else's review", async () => {
      const product = await insertSellerProduct(db())
      const author = await buyer(product)
      const review = await author.browser.client.reviews.create.mutate(draft(product.productId, 4))
      const intruder = await signedInCustomer(api)
      const error = await errorOf(
        intruder.browser.client.reviews.update.mutate({
          reviewId: review.id,
          rating: 1,
          title: 'Hijacked',
          body: ordinaryText(),
          photoKeys: [],
        }),
      )
      expect(error?.data?.code).toBe('NOT_FOUND')
      expect((await reviewRows(product.productId)).map((r) => [r.rating, r.title])).toEqual([
        [4, 'Does the job'],
      ])
    })

    it('refuses a review of a product that does not exist, and bad stars, with readable messages', async () => {
      const customer = await signedInCustomer(api)
      const missing = await errorOf(
        customer.browser.client.reviews.create.mutate(draft(randomUUID())),
      )
      expect(missing?.data?.code).toBe('NOT_FOUND')
      const product = await insertSellerProduct(db())
      const sixStars = await errorOf(
        customer.browser.client.reviews.create.mutate(draft(product.productId, 6)),
      )
      expect(sixStars?.data?.code).toBe('BAD_REQUEST')
      expect(sixStars?.message).toContain('Give 1 to 5 stars.')
      expect(await reviewRows(product.productId)).toHaveLength(0)
    })
  })

  describe('eventual consistency', () => {
    it('records a review event in the outbox and leaves the aggregates to the worker', async () => {
      const product = await insertSellerProduct(db())
      const customer = await buyer(product)
      // A worker relay running meanwhile waits on the rating lock, so what shows is the write alone.
      const review = await whileRatingLocked(
        db(),
        'product-rating',
        product.productId,
        async () => {
          const created = await customer.browser.client.reviews.create.mutate(
            draft(product.productId, 5),
          )
          expect(await findProductRatingSummary(db(), product.productId)).toBeUndefined()
          const summary = await customer.browser.client.reviews.ratingSummary.query({
            productId: product.productId,
          })
          expect(summary.reviewCount).toBe(0)
          return created
        },
      )
      expect(await outboxEventsOf(db(), 'review', review.id)).toEqual([
        [
          'review.submitted',
          { reviewId: review.id, productId: product.productId, reviewerId: customer.id },
        ],
      ])

      await recomputeProductRating(db(), product.productId)
      expect(
        await customer.browser.client.reviews.ratingSummary.query({ productId: product.productId }),
      ).toEqual({
        productId: product.productId,
        reviewCount: 1,
        average: 5,
        histogram: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: stars === 5 ? 1 : 0 })),
        bayesianAverage: (3.5 * 10 + 5) / 11,
        wilsonScore: expect.any(Number) as number,
      })
      const productRow = await db()
        .selectFrom('products')
        .select(['rating_avg', 'rating_count'])
        .where('id', '=', product.productId)
        .executeTakeFirstOrThrow()
      expect(productRow).toEqual({ rating_avg: '5.00', rating_count: 1 })
    })
  })

  describe('ranking by rating', () => {
    it("ranks a seller's product with thirty 4.8★-ish reviews above one with a single 5★ review", async () => {
      const many = await insertSellerProduct(db())
      const single = await db()
        .insertInto('products')
        .values({
          seller_id: many.sellerId,
          name: 'One-review wonder',
          slug: `one-review-${randomUUID()}`,
          status: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (let i = 0; i < 30; i++)
        await insertReviewRow(db(), many.productId, i % 5 === 0 ? 4 : 5, {
          createdAt: new Date(Date.now() - 30 * 86_400_000),
        })
      await insertReviewRow(db(), single.id, 5)
      await Promise.all([
        recomputeProductRating(db(), many.productId),
        recomputeProductRating(db(), single.id),
      ])
      const customer = await signedInCustomer(api)
      const ranked = await customer.browser.client.reviews.topRatedProducts.query({
        sellerId: many.sellerId,
      })
      expect(ranked.map((r) => [r.productId, r.reviewCount, r.average])).toEqual([
        [many.productId, 30, 4.8],
        [single.id, 1, 5],
      ])
      expect(ranked[0]!.bayesianAverage).toBeGreaterThan(ranked[1]!.bayesianAverage)
    })
  })

  describe('helpful votes', () => {
    it('counts one vote per user, never the author, and records an event', async () => {
      const product = await insertSellerProduct(db())
      const author = await buyer(product)
      const review = await author.browser.client.reviews.create.mutate(draft(product.productId))
      const voter = await signedInCustomer(api)

      expect(
        await voter.browser.client.reviews.voteHelpful.mutate({ reviewId: review.id }),
      ).toEqual({
        voted: true,
      })
      const twice = await errorOf(
        voter.browser.client.reviews.voteHelpful.mutate({ reviewId: review.id }),
      )
      expect(twice?.data?.code).toBe('CONFLICT')
      expect(twice?.message).toBe('You already marked this review helpful.')
      const own = await errorOf(
        author.browser.client.reviews.voteHelpful.mutate({ reviewId: review.id }),
      )
      expect(own?.data?.code).toBe('FORBIDDEN')

      const votes = await db()
        .selectFrom('review_votes')
        .select('user_id')
        .where('review_id', '=', review.id)
        .execute()
      expect(votes).toEqual([{ user_id: voter.id }])
      expect((await outboxEventsOf(db(), 'review', review.id)).map(([type]) => type)).toEqual([
        'review.submitted',
        'review.voted',
      ])
    })
  })

  describe('listing', () => {
    it('sorts by most helpful, newest and rating, filters by stars and pages by offset', async () => {
      const product = await insertSellerProduct(db())
      const authors = await Promise.all([1, 2, 3].map(() => buyer(product)))
      const reviews = []
      for (const [i, stars] of [5, 3, 1].entries()) {
        reviews.push(
          await authors[i]!.browser.client.reviews.create.mutate(draft(product.productId, stars)),
        )
      }
      const [five, three, one] = reviews as [
        (typeof reviews)[0],
        (typeof reviews)[0],
        (typeof reviews)[0],
      ]
      // Two votes for the 3★ review, one for the 1★ review.
      const voters = await Promise.all([1, 2].map(() => signedInCustomer(api)))
      await voters[0]!.browser.client.reviews.voteHelpful.mutate({ reviewId: three.id })
      await voters[1]!.browser.client.reviews.voteHelpful.mutate({ reviewId: three.id })
      await voters[0]!.browser.client.reviews.voteHelpful.mutate({ reviewId: one.id })
      for (const r of reviews) await recomputeHelpfulCount(db(), r.id)

      const ids = async (sort: 'most_helpful' | 'newest' | 'highest_rating' | 'lowest_rating') =>
        (
          await authors[0]!.browser.client.reviews.list.query({
            productId: product.productId,
            sort,
          })
        ).items.map((r) => r.id)
      expect(await ids('most_helpful')).toEqual([three.id, one.id, five.id])
      expect(await ids('newest')).toEqual([one.id, three.id, five.id])
      expect(await ids('highest_rating')).toEqual([five.id, three.id, one.id])
      expect(await ids('lowest_rating')).toEqual([one.id, three.id, five.id])

      const threeStars = await authors[0]!.browser.client.reviews.list.query({
        productId: product.productId,
        stars: 3,
      })
      expect(threeStars.items.map((r) => [r.id, r.helpfulCount, r.verifiedPurchase])).toEqual([
        [three.id, 2, true],
      ])

      const page1 = await authors[0]!.browser.client.reviews.list.query({
        productId: product.productId,
        sort: 'newest',
        limit: 2,
      })
      expect(page1.nextOffset).toBe(2)
      const page2 = await authors[0]!.browser.client.reviews.list.query({
        productId: product.productId,
        sort: 'newest',
        limit: 2,
        offset: 2,
      })
      expect([...page1.items, ...page2.items].map((r) => r.id)).toEqual([one.id, three.id, five.id])
      expect(page2.nextOffset).toBeNull()
    })

    it('shows only published reviews', async () => {
      const product = await insertSellerProduct(db())
      const honest = await buyer(product)
      const spammer = await buyer(product)
      const published = await honest.browser.client.reviews.create.mutate(draft(product.productId))
      const held = await spammer.browser.client.reviews.create.mutate({
        ...draft(product.productId),
        body: `${ordinaryText()} Order cheaper at https://cheap-copies.example/deal now`,
      })
      expect(held.status).toBe('held')
      const listed = await honest.browser.client.reviews.list.query({
        productId: product.productId,
      })
      expect(listed.items.map((r) => r.id)).toEqual([published.id])
    })

    it("flags the viewer's own review as theirs, and nobody else's, without reviewer ids", async () => {
      const product = await insertSellerProduct(db())
      const [first, second] = await Promise.all([buyer(product), buyer(product)])
      const firstReview = await first.browser.client.reviews.create.mutate(
        draft(product.productId, 5),
      )
      const secondReview = await second.browser.client.reviews.create.mutate(
        draft(product.productId, 2),
      )
      const stranger = await signedInCustomer(api)
      const mineAs = async (client: TestClient['client']) =>
        Object.fromEntries(
          (await client.reviews.list.query({ productId: product.productId })).items.map((r) => [
            r.id,
            r.mine,
          ]),
        )
      expect(await mineAs(first.browser.client)).toEqual({
        [firstReview.id]: true,
        [secondReview.id]: false,
      })
      expect(await mineAs(second.browser.client)).toEqual({
        [firstReview.id]: false,
        [secondReview.id]: true,
      })
      const none = { [firstReview.id]: false, [secondReview.id]: false }
      expect(await mineAs(stranger.browser.client)).toEqual(none)
      expect(await mineAs(createTestClient(api.url).client)).toEqual(none)
      const listed = await stranger.browser.client.reviews.list.query({
        productId: product.productId,
      })
      expect(JSON.stringify(listed)).not.toContain(first.id)
      expect(JSON.stringify(listed)).not.toContain(second.id)
    })
  })

  describe('seller reply', () => {
    it("lets only the product's seller reply, shows it, and emits review.replied", async () => {
      const product = await insertSellerProduct(db())
      const author = await buyer(product)
      const review = await author.browser.client.reviews.create.mutate(draft(product.productId, 2))

      const otherSeller = await insertSellerProduct(db())
      const other = await signIn(
        api.url,
        otherSeller.sellerUser.email,
        otherSeller.sellerUser.password,
      )
      const refused = await errorOf(
        other.client.reviews.reply.mutate({ reviewId: review.id, body: 'Buy ours instead' }),
      )
      expect(refused?.data?.code).toBe('FORBIDDEN')
      expect(refused?.message).toBe("Only the product's seller can reply to its reviews.")
      const customerTry = await errorOf(
        author.browser.client.reviews.reply.mutate({ reviewId: review.id, body: 'Me too' }),
      )
      expect(customerTry?.data?.code).toBe('FORBIDDEN')
      const unchanged = await db()
        .selectFrom('reviews')
        .select('seller_reply')
        .where('id', '=', review.id)
        .executeTakeFirstOrThrow()
      expect(unchanged.seller_reply).toBeNull()

      const seller = await signIn(api.url, product.sellerUser.email, product.sellerUser.password)
      await seller.client.reviews.reply.mutate({
        reviewId: review.id,
        body: 'Sorry to hear that; we sent a replacement.',
      })
      const listed = await author.browser.client.reviews.list.query({
        productId: product.productId,
      })
      expect(listed.items[0]?.sellerReply?.body).toBe('Sorry to hear that; we sent a replacement.')
      expect(await outboxEventsOf(db(), 'review', review.id)).toContainEqual([
        'review.replied',
        { reviewId: review.id, productId: product.productId, reviewerId: author.id },
      ])
      const missing = await errorOf(
        seller.client.reviews.reply.mutate({ reviewId: randomUUID(), body: 'Hello' }),
      )
      expect(missing?.data?.code).toBe('NOT_FOUND')
    })
  })

  describe('abuse reports', () => {
    it('takes one report per user and holds the review at the third, recording why', async () => {
      const product = await insertSellerProduct(db())
      const author = await buyer(product)
      const review = await author.browser.client.reviews.create.mutate(draft(product.productId))
      const reporters = await Promise.all([1, 2, 3].map(() => signedInCustomer(api)))

      const first = await reporters[0]!.browser.client.reviews.report.mutate({
        reviewId: review.id,
        reason: 'Insults another buyer',
      })
      expect(first).toEqual({ reported: true, held: false })
      const again = await errorOf(
        reporters[0]!.browser.client.reviews.report.mutate({
          reviewId: review.id,
          reason: 'Again',
        }),
      )
      expect(again?.data?.code).toBe('CONFLICT')
      await reporters[1]!.browser.client.reviews.report.mutate({
        reviewId: review.id,
        reason: 'Rude',
      })
      const third = await reporters[2]!.browser.client.reviews.report.mutate({
        reviewId: review.id,
        reason: 'Offensive',
      })
      expect(third).toEqual({ reported: true, held: true })

      const mine = await author.browser.client.reviews.mine.query({ productId: product.productId })
      expect(mine?.status).toBe('held')
      const decisions = await db()
        .selectFrom('review_moderation_decisions')
        .select(['status', 'decided_by', 'reasons'])
        .where('review_id', '=', review.id)
        .orderBy('id')
        .execute()
      expect(
        decisions.map((d) => [d.status, d.decided_by, d.reasons.map((r) => r.signal)]),
      ).toEqual([
        ['published', null, []],
        ['held', null, ['reported']],
      ])
    })
  })
})
