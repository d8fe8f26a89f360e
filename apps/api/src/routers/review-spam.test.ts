import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import {
  ageAccount,
  generousRateLimits,
  insertOrderOf,
  insertReviewRow,
  insertSellerProduct,
  ordinaryText,
  signedInCustomer,
} from '../testing/review-fixtures'

describe('review spam scoring through the API', () => {
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
  /** A long-standing customer who received the product: nothing about them is suspicious. */
  async function trustedBuyer(product: { productId: string; sellerId: string }) {
    const customer = await signedInCustomer(api)
    await ageAccount(db(), customer.id)
    await insertOrderOf(db(), customer.id, [product])
    return customer
  }
  /** Status, score and fired signals as stored. */
  async function stored(reviewId: string) {
    const row = await db()
      .selectFrom('reviews')
      .select(['status', 'spam_score', 'spam_reasons'])
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow()
    return {
      status: row.status,
      score: row.spam_score,
      signals: row.spam_reasons.map((r) => r.signal),
    }
  }
  async function review(
    customer: Awaited<ReturnType<typeof trustedBuyer>>,
    productId: string,
    body: string,
    rating = 4,
    title = 'My thoughts',
  ) {
    const created = await customer.browser.client.reviews.create.mutate({
      productId,
      rating,
      title,
      body,
    })
    return { created, ...(await stored(created.id)) }
  }

  it('publishes an ordinary review with no reasons', async () => {
    const product = await insertSellerProduct(db())
    const r = await review(await trustedBuyer(product), product.productId, ordinaryText())
    expect(r.created.status).toBe('published')
    expect(r).toMatchObject({ status: 'published', score: 0, signals: [] })
  })

  it('holds a review with a link', async () => {
    const product = await insertSellerProduct(db())
    const r = await review(
      await trustedBuyer(product),
      product.productId,
      `${ordinaryText()} Better deals at https://bargain-outlet.example/offer`,
    )
    expect(r).toMatchObject({ status: 'held', signals: ['url'] })
  })

  it('rejects a review with an e-mail address and a phone number', async () => {
    const product = await insertSellerProduct(db())
    const r = await review(
      await trustedBuyer(product),
      product.productId,
      `${ordinaryText()} Write to sales.deals@fastmail.com or call +1 415 555 0199 for wholesale.`,
    )
    expect(r.status).toBe('rejected')
    expect(r.created.status).toBe('rejected')
    expect(r.signals.sort()).toEqual(['email', 'phone'])
  })

  it('rejects an exact copy of a recent review and holds a lightly edited one', async () => {
    const products = await Promise.all([1, 2, 3].map(() => insertSellerProduct(db())))
    const [first, second, third] = products as [
      (typeof products)[0],
      (typeof products)[0],
      (typeof products)[0],
    ]
    const words = ordinaryText(40).replace(/\.$/, '').split(' ')
    const text = `${words.join(' ')}.`
    const original = await review(await trustedBuyer(first), first.productId, text)
    expect(original).toMatchObject({ status: 'published', signals: [] })
    const copy = await review(await trustedBuyer(second), second.productId, text)
    expect(copy).toMatchObject({ status: 'rejected', signals: ['near_duplicate'] })
    // Four words swapped at the end: about 80 % of the three-word shingles still match.
    const edited = `${[...words.slice(0, -4), 'really', 'quite', 'very', 'good'].join(' ')}.`
    const nearCopy = await review(await trustedBuyer(third), third.productId, edited)
    expect(nearCopy).toMatchObject({ status: 'held', signals: ['near_duplicate'] })
  })

  it('holds the third review an account writes within the hour', async () => {
    const products = await Promise.all([1, 2, 3].map(() => insertSellerProduct(db())))
    const customer = await signedInCustomer(api)
    await ageAccount(db(), customer.id)
    for (const p of products) await insertOrderOf(db(), customer.id, [p])
    const results = []
    for (const p of products) results.push(await review(customer, p.productId, ordinaryText()))
    expect(results.map((r) => [r.status, r.signals])).toEqual([
      ['published', []],
      ['published', []],
      ['held', ['account_burst']],
    ])
  })

  it('notes a burst of reviews on one product', async () => {
    const product = await insertSellerProduct(db())
    for (let i = 0; i < 19; i++) await insertReviewRow(db(), product.productId, 4 + (i % 2))
    const r = await review(await trustedBuyer(product), product.productId, ordinaryText())
    expect(r.signals).toEqual(['product_burst'])
    // A weak signal alone does not hold the review.
    expect(r.status).toBe('published')
  })

  it('notes a brand-new account that bought nothing', async () => {
    const product = await insertSellerProduct(db())
    const newcomer = await signedInCustomer(api)
    const r = await review(newcomer, product.productId, ordinaryText())
    expect(r).toMatchObject({ status: 'published', signals: ['new_account_without_purchase'] })
    expect(r.created.verifiedPurchase).toBe(false)
  })

  it("notes a 1★ review far below a product's established 5★ mean", async () => {
    const product = await insertSellerProduct(db())
    const lastWeek = new Date(Date.now() - 7 * 86_400_000)
    for (let i = 0; i < 12; i++)
      await insertReviewRow(db(), product.productId, 5, { createdAt: lastWeek })
    const r = await review(await trustedBuyer(product), product.productId, ordinaryText(), 1)
    expect(r.signals).toEqual(['rating_outlier'])
    const agreeing = await review(await trustedBuyer(product), product.productId, ordinaryText(), 5)
    expect(agreeing.signals).toEqual([])
  })

  it('holds a review full of profanity', async () => {
    const product = await insertSellerProduct(db())
    const r = await review(
      await trustedBuyer(product),
      product.productId,
      `${ordinaryText(12)} this fucking thing is shit and the seller is an asshole`,
      1,
    )
    expect(r).toMatchObject({ status: 'held', signals: ['profanity'] })
  })

  it('scores an edit again: adding a link to a published review holds it', async () => {
    const product = await insertSellerProduct(db())
    const customer = await trustedBuyer(product)
    const r = await review(customer, product.productId, ordinaryText())
    expect(r.status).toBe('published')
    const edited = await customer.browser.client.reviews.update.mutate({
      reviewId: r.created.id,
      rating: 4,
      title: 'My thoughts',
      body: `${ordinaryText()} see www.cheap-knockoffs.example for more`,
      photoKeys: [],
    })
    expect(edited.status).toBe('held')
    expect(await stored(r.created.id)).toMatchObject({ status: 'held', signals: ['url'] })
    const decisions = await db()
      .selectFrom('review_moderation_decisions')
      .select(['status', 'decided_by'])
      .where('review_id', '=', r.created.id)
      .orderBy('id')
      .execute()
    expect(decisions).toEqual([
      { status: 'published', decided_by: null },
      { status: 'held', decided_by: null },
    ])
  })
})
