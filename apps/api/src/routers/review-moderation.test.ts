import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf, signIn, type TestClient } from '../testing/api-client'
import { outboxEventsOf } from '../testing/outbox'
import {
  ageAccount,
  generousRateLimits,
  insertOrderOf,
  insertSellerProduct,
  ordinaryText,
  signedInCustomer,
} from '../testing/review-fixtures'
import { createTestUser } from '../testing/users'

describe('review moderation queue', () => {
  let api: RunningApi
  let admin: TestClient
  let adminId: string

  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig(),
      port: 0,
      rateLimitNamespace: randomUUID(),
      rateLimits: generousRateLimits,
    })
    const user = await createTestUser(api.deps.db, 'admin')
    adminId = user.id
    admin = await signIn(api.url, user.email, user.password)
  })
  afterAll(async () => {
    await api.close()
  })

  const db = () => api.deps.db

  /** A held review: an established buyer posting a link. */
  async function heldReview() {
    const product = await insertSellerProduct(db())
    const author = await signedInCustomer(api)
    await ageAccount(db(), author.id)
    await insertOrderOf(db(), author.id, [product])
    const review = await author.browser.client.reviews.create.mutate({
      productId: product.productId,
      rating: 5,
      title: 'Love it',
      body: `${ordinaryText()} more at https://my-shop.example/x`,
    })
    expect(review.status).toBe('held')
    return { review, author, product }
  }

  /** Every held review id, following the queue's cursor to the end. */
  async function queueIds(): Promise<string[]> {
    const ids: string[] = []
    let cursor: string | undefined
    do {
      const page = await admin.client.reviewModeration.listHeld.query({ limit: 100, cursor })
      ids.push(...page.items.map((i) => i.reviewId))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return ids
  }

  it('lists a held review with its reasons; approving publishes it and records who and why', async () => {
    const { review, author, product } = await heldReview()
    const queued = await queueIds()
    expect(queued).toContain(review.id)
    const page = await admin.client.reviewModeration.listHeld.query({ limit: 100 })
    expect(page.items.every((i) => i.status === 'held')).toBe(true)

    const decisionsBefore = await admin.client.reviewModeration.decisions.query({
      reviewId: review.id,
    })
    expect(
      decisionsBefore.map((d) => [d.status, d.decidedBy, d.reasons.map((r) => r.signal)]),
    ).toEqual([['held', null, ['url']]])

    expect(
      await admin.client.reviewModeration.approve.mutate({
        reviewId: review.id,
        note: 'Link goes to the brand site',
      }),
    ).toEqual({ status: 'published' })
    expect(await queueIds()).not.toContain(review.id)
    const listed = await author.browser.client.reviews.list.query({ productId: product.productId })
    expect(listed.items.map((r) => r.id)).toEqual([review.id])
    const decisions = await admin.client.reviewModeration.decisions.query({ reviewId: review.id })
    expect(decisions.map((d) => [d.status, d.decidedBy, d.reasons.map((r) => r.detail)])).toEqual([
      ['held', null, [expect.stringContaining('https://my-shop.example/x') as string]],
      ['published', adminId, ['Link goes to the brand site']],
    ])
    expect((await outboxEventsOf(db(), 'review', review.id)).map(([type]) => type)).toEqual([
      'review.submitted',
      'review.moderated',
    ])

    const twice = await errorOf(
      admin.client.reviewModeration.approve.mutate({ reviewId: review.id }),
    )
    expect(twice?.data?.code).toBe('CONFLICT')
    expect(twice?.message).toBe('This review is published; it cannot be approved now.')
  })

  it('rejects a held review only with a reason, and keeps it off the product page', async () => {
    const { review, author, product } = await heldReview()
    const noReason = await errorOf(
      admin.client.reviewModeration.reject.mutate({ reviewId: review.id, reason: '  ' }),
    )
    expect(noReason?.data?.code).toBe('BAD_REQUEST')
    expect(noReason?.message).toContain('Say why the review is rejected.')
    expect(
      (await author.browser.client.reviews.mine.query({ productId: product.productId }))?.status,
    ).toBe('held')

    expect(
      await admin.client.reviewModeration.reject.mutate({
        reviewId: review.id,
        reason: 'Advertises another shop',
      }),
    ).toEqual({ status: 'rejected' })
    expect(
      (await author.browser.client.reviews.mine.query({ productId: product.productId }))?.status,
    ).toBe('rejected')
    expect(await queueIds()).not.toContain(review.id)
    const decisions = await admin.client.reviewModeration.decisions.query({ reviewId: review.id })
    expect(decisions.at(-1)).toMatchObject({
      status: 'rejected',
      decidedBy: adminId,
      reasons: [{ signal: 'moderator_rejected', detail: 'Advertises another shop' }],
    })
    const listed = await author.browser.client.reviews.list.query({ productId: product.productId })
    expect(listed.items).toEqual([])
  })

  it('sends an edit of a rejected review back to the queue instead of publishing it', async () => {
    const { review, author, product } = await heldReview()
    await admin.client.reviewModeration.reject.mutate({
      reviewId: review.id,
      reason: 'Advertises another shop',
    })
    // The new text scores clean, but a moderator said no to this review: they look again.
    const edited = await author.browser.client.reviews.update.mutate({
      reviewId: review.id,
      rating: 5,
      title: 'Love it',
      body: ordinaryText(),
      photoKeys: [],
    })
    expect(edited.status).toBe('held')
    expect(await queueIds()).toContain(review.id)
    expect(
      (await author.browser.client.reviews.list.query({ productId: product.productId })).items,
    ).toEqual([])
    const decisions = await admin.client.reviewModeration.decisions.query({ reviewId: review.id })
    expect(decisions.at(-1)).toMatchObject({
      status: 'held',
      decidedBy: null,
      reasons: [
        {
          signal: 'edited_after_moderation',
          weight: 0,
          detail: 'edited after a moderator rejected it',
        },
      ],
    })
    // Nor do further edits slip it out, even through an automatic rejection in between.
    const spammy = await author.browser.client.reviews.update.mutate({
      reviewId: review.id,
      rating: 5,
      title: 'Love it',
      body: `${ordinaryText()} write to deals@cheap-mail.example or call 415-555-0142`,
      photoKeys: [],
    })
    expect(spammy.status).toBe('rejected')
    const again = await author.browser.client.reviews.update.mutate({
      reviewId: review.id,
      rating: 4,
      title: 'Still love it',
      body: ordinaryText(),
      photoKeys: [],
    })
    expect(again.status).toBe('held')
    await admin.client.reviewModeration.approve.mutate({ reviewId: review.id })
    expect(
      (await author.browser.client.reviews.list.query({ productId: product.productId })).items,
    ).toMatchObject([{ id: review.id, title: 'Still love it' }])
  })

  it('keeps a review held after abuse reports held when its author edits it', async () => {
    const product = await insertSellerProduct(db())
    const author = await signedInCustomer(api)
    await ageAccount(db(), author.id)
    await insertOrderOf(db(), author.id, [product])
    const review = await author.browser.client.reviews.create.mutate({
      productId: product.productId,
      rating: 4,
      title: 'Fine',
      body: ordinaryText(),
    })
    expect(review.status).toBe('published')
    for (let i = 0; i < 3; i += 1) {
      const reporter = await signedInCustomer(api)
      await reporter.browser.client.reviews.report.mutate({
        reviewId: review.id,
        reason: 'Insults other buyers',
      })
    }
    const edited = await author.browser.client.reviews.update.mutate({
      reviewId: review.id,
      rating: 4,
      title: 'Fine',
      body: ordinaryText(),
      photoKeys: [],
    })
    expect(edited.status).toBe('held')
    const decisions = await admin.client.reviewModeration.decisions.query({ reviewId: review.id })
    expect(decisions.map((d) => d.status)).toEqual(['published', 'held', 'held'])
    expect(decisions.at(-1)?.reasons.map((r) => r.detail)).toEqual([
      'edited after it was held after abuse reports',
    ])
  })

  it('refuses the queue to customers and sellers, and unknown reviews', async () => {
    const customer = await signedInCustomer(api)
    const refused = await errorOf(customer.browser.client.reviewModeration.listHeld.query({}))
    expect(refused?.data?.code).toBe('FORBIDDEN')
    const missing = await errorOf(
      admin.client.reviewModeration.reject.mutate({ reviewId: randomUUID(), reason: 'Spam' }),
    )
    expect(missing?.data?.code).toBe('NOT_FOUND')
  })
})
