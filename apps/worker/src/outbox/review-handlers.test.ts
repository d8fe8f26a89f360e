import { randomInt } from 'node:crypto'
import {
  createDb,
  findProductRatingSummary,
  findSellerRatingSummary,
  insertHelpfulVote,
  insertReview,
  insertSellerRating,
  recordReviewEvent,
  REVIEW_AGGREGATE,
  SELLER_RATING_AGGREGATE,
  setReviewStatus,
  updateOwnReview,
  type Db,
  type OutboxEvent,
  type ScoredReviewFields,
} from '@emporium/db'
import { insertTestOrder, insertTestUser, insertTestVariant } from '@emporium/db/testing'
import { createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { productIdOf } from '../search-indexer/search-indexer'
import { SEARCH_EVENTS_STREAM } from './catalog-handlers'
import { createReviewHandlers } from './review-handlers'

const config = testConfig()

const fields = (rating: number): ScoredReviewFields => ({
  rating,
  title: 'Review',
  body: `Rated ${rating}`,
  photoKeys: [],
  status: 'published',
  spamScore: 0,
  spamReasons: [],
  verifiedPurchase: true,
})

/** The product's star counts, straight from its published reviews. */
async function directCounts(db: Db, productId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('reviews')
    .select(['rating', (eb) => eb.fn.countAll<string>().as('n')])
    .where('product_id', '=', productId)
    .where('status', '=', 'published')
    .groupBy('rating')
    .execute()
  const counts = [0, 0, 0, 0, 0]
  for (const r of rows) counts[r.rating - 1] = Number(r.n)
  return counts
}

/** All outbox events of these aggregates, as a relay would hand them over. */
function eventsOf(db: Db, aggregateType: string, ids: string[]): Promise<OutboxEvent[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('aggregate_type', '=', aggregateType)
    .where('aggregate_id', 'in', ids)
    .orderBy('id')
    .execute()
}

/** Runs every handler of the aggregate type over the events, several at once and out of order, as competing relays could. */
async function deliver(
  handlers: ReturnType<typeof createReviewHandlers>,
  aggregateType: string,
  events: OutboxEvent[],
): Promise<void> {
  const shuffled = [...events].sort(() => randomInt(3) - 1)
  const lanes = 4
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (const event of shuffled.filter((_, i) => i % lanes === lane))
        for (const handler of handlers[aggregateType] ?? []) await handler(event)
    }),
  )
}

describe('review outbox handlers (real Postgres and Redis)', () => {
  let db: Db
  let redis: Redis
  beforeAll(() => {
    db = createDb(config.DATABASE_URL)
    redis = createRedis(config)
  })
  afterAll(async () => {
    await Promise.all([db.destroy(), redis.quit()])
  })

  it('converge on a recomputation when 20 concurrent reviews, edits, votes and a moderation are handled as they commit', async () => {
    const { productId } = await insertTestVariant(db)
    const users = await Promise.all(Array.from({ length: 20 }, () => insertTestUser(db)))
    const before = await redis.xrevrange(SEARCH_EVENTS_STREAM, '+', '-', 'COUNT', 1)
    const startId = before[0]?.[0] ?? '0-0'

    const handlers = createReviewHandlers(db, redis)
    /** Commits a write with its event, then hands the event to the handlers at once, as a relay polling right then would. */
    const writeAndDeliver = async (write: (trx: Db) => Promise<number | undefined>) => {
      const eventId = await db.transaction().execute(write)
      if (eventId === undefined) return
      const event = await db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', eventId)
        .executeTakeFirstOrThrow()
      for (const handler of handlers[REVIEW_AGGREGATE] ?? []) await handler(event)
    }

    // 20 reviews written at once, each with its event in the same transaction.
    const reviews = await Promise.all(
      users.map((u, i) =>
        db.transaction().execute(async (trx) => {
          const review = await insertReview(trx, productId, u.id, fields((i % 5) + 1))
          if (!review) throw new Error('review not inserted')
          await recordReviewEvent(trx, 'review.submitted', review)
          return review
        }),
      ),
    )
    const submitted = await eventsOf(
      db,
      REVIEW_AGGREGATE,
      reviews.map((r) => r.id),
    )
    // Then, all at once, each delivered as soon as it commits while the others are still being
    // written: the submissions' events, 5 edits to 5★, 1 review held by moderation, and every user
    // voting on the first 3 reviews.
    await Promise.all([
      deliver(handlers, REVIEW_AGGREGATE, submitted),
      ...reviews.slice(0, 5).map((r) =>
        writeAndDeliver(async (trx) => {
          const edited = await updateOwnReview(trx, r.id, r.user_id, fields(5))
          return edited && recordReviewEvent(trx, 'review.edited', edited)
        }),
      ),
      writeAndDeliver(async (trx) => {
        const held = await setReviewStatus(trx, reviews[19]!.id, 'held', ['published'])
        return held && recordReviewEvent(trx, 'review.moderated', held)
      }),
      ...users.flatMap((u) =>
        reviews
          .slice(0, 3)
          .map((r) =>
            writeAndDeliver(async (trx) =>
              (await insertHelpfulVote(trx, r.id, u.id))
                ? recordReviewEvent(trx, 'review.voted', r)
                : undefined,
            ),
          ),
      ),
    ])
    const events = await eventsOf(
      db,
      REVIEW_AGGREGATE,
      reviews.map((r) => r.id),
    )
    expect(events).toHaveLength(20 + 5 + 1 + 60)

    const expected = await directCounts(db, productId)
    // 20 reviews rated 1..5 four times each; 5 edited to 5★; the 20th (5★) held.
    expect(expected).toEqual([3, 3, 3, 3, 7])
    const summary = await findProductRatingSummary(db, productId)
    expect(summary).toMatchObject({
      review_count: 19,
      stars_1: 3,
      stars_2: 3,
      stars_3: 3,
      stars_4: 3,
      stars_5: 7,
      average: Math.round(((3 * (1 + 2 + 3 + 4) + 7 * 5) / 19) * 100) / 100,
    })
    expect(summary?.bayesian_average).toBeCloseTo((3.5 * 10 + 3 * (1 + 2 + 3 + 4) + 7 * 5) / 29, 10)
    const product = await db
      .selectFrom('products')
      .select(['rating_avg', 'rating_count'])
      .where('id', '=', productId)
      .executeTakeFirstOrThrow()
    expect(product).toEqual({ rating_avg: summary?.average?.toFixed(2), rating_count: 19 })
    const helpful = await db
      .selectFrom('reviews')
      .select(['id', 'helpful_count'])
      .where(
        'id',
        'in',
        reviews.slice(0, 4).map((r) => r.id),
      )
      .execute()
    expect(Object.fromEntries(helpful.map((r) => [r.id, r.helpful_count]))).toEqual({
      [reviews[0]!.id]: 20,
      [reviews[1]!.id]: 20,
      [reviews[2]!.id]: 20,
      [reviews[3]!.id]: 0,
    })

    // Redelivering everything changes nothing: recompute, never increment.
    await deliver(handlers, REVIEW_AGGREGATE, events)
    expect(await findProductRatingSummary(db, productId)).toMatchObject({
      review_count: 19,
      stars_5: 7,
    })
    const again = await db
      .selectFrom('reviews')
      .select('helpful_count')
      .where('id', '=', reviews[0]!.id)
      .executeTakeFirstOrThrow()
    expect(again.helpful_count).toBe(20)

    // The search indexer is told which product to reload (its rating facet included).
    const entries = await redis.xrange(SEARCH_EVENTS_STREAM, `(${startId}`, '+')
    const mine = entries.filter(([, flat]) => {
      const f: Record<string, string> = {}
      for (let i = 0; i + 1 < flat.length; i += 2) f[flat[i]!] = flat[i + 1]!
      return f.aggregateType === REVIEW_AGGREGATE && productIdOf(f) === productId
    })
    // Every rating-changing event (submitted, edited, moderated) reached search on each of this
    // test's two deliveries, and a helpful vote never did. At least twice, not exactly: a worker
    // process of another test file relays this shared database's outbox too.
    const pushes = new Map<string, number>()
    for (const [, flat] of mine) {
      const eventId = flat[flat.indexOf('eventId') + 1]!
      pushes.set(eventId, (pushes.get(eventId) ?? 0) + 1)
    }
    const ratingChanges = events.filter((e) => e.event_type !== 'review.voted')
    expect(ratingChanges).toHaveLength(20 + 5 + 1)
    expect([...pushes.keys()].sort()).toEqual(ratingChanges.map((e) => String(e.id)).sort())
    for (const count of pushes.values()) expect(count).toBeGreaterThanOrEqual(2)
  })

  it('aggregate seller ratings per seller from delivered orders', async () => {
    const { sellerId, productId, variantId } = await insertTestVariant(db)
    const buyers = await Promise.all(Array.from({ length: 6 }, () => insertTestUser(db)))
    const orders = await Promise.all(
      buyers.map(async (b) => {
        const order = await insertTestOrder(db, b.id, { status: 'delivered' })
        await db
          .insertInto('order_items')
          .values({
            order_id: order.id,
            seller_id: sellerId,
            product_id: productId,
            variant_id: variantId,
            product_name: 'Rated',
            sku: `RATED-${order.id}`,
            unit_price_minor: 1_000,
            quantity: 1,
          })
          .execute()
        return order
      }),
    )
    const results = await Promise.all(
      orders.map((o, i) =>
        db.transaction().execute((trx) =>
          insertSellerRating(trx, o.user_id, {
            orderId: o.id,
            sellerId,
            shipping: (i % 5) + 1,
            accuracy: 5,
            communication: 4,
            comment: null,
          }),
        ),
      ),
    )
    expect(results.every((r) => typeof r === 'object')).toBe(true)

    const handlers = createReviewHandlers(db, redis)
    await deliver(
      handlers,
      SELLER_RATING_AGGREGATE,
      await eventsOf(db, SELLER_RATING_AGGREGATE, [sellerId]),
    )
    // shipping 1,2,3,4,5,1 → 16/6; overall per rating (s + 5 + 4) / 3 averaged → (16 + 30 + 24) / 18.
    expect(await findSellerRatingSummary(db, sellerId)).toMatchObject({
      rating_count: 6,
      shipping_average: 2.67,
      accuracy_average: 5,
      communication_average: 4,
      overall_average: 3.89,
    })
  })
})
