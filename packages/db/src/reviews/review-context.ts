import { sql } from 'kysely'
import {
  DEFAULT_SPAM_CONFIG,
  minHashSignature,
  reviewText,
  type ReviewContext,
} from '@emporium/domain/reviews'
import type { Db } from '../client'
import { lineWasDelivered } from './received-items'

/** How far back burst and duplicate checks look, and how many recent texts are compared. */
const LOOKBACK_MS = 30 * 24 * 3_600_000
const RECENT_TEXTS = 300
const PURCHASED_STATUSES = [
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'partially_refunded',
] as const

/** Whether the user bought the product and it reached them (the verified-purchase badge). */
export async function hasDeliveredPurchase(
  db: Db,
  userId: string,
  productId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('orders as o')
    .innerJoin('order_items as oi', 'oi.order_id', 'o.id')
    .select(sql.lit(1).as('one'))
    .where('o.user_id', '=', userId)
    .where('oi.product_id', '=', productId)
    .where(lineWasDelivered)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Loads what the spam scorer needs about a review's surroundings: account age and purchases, the
 * author's and the product's recent review times, the product's published star counts and recent
 * review texts (as MinHash signatures). `reviewId` (on an edit) is left out of every list.
 */
export async function loadReviewContext(
  db: Db,
  args: { userId: string; productId: string; reviewId?: string; now: number },
): Promise<{ context: ReviewContext; verifiedPurchase: boolean }> {
  const since = new Date(args.now - LOOKBACK_MS)
  const notThis = args.reviewId ?? '00000000-0000-0000-0000-000000000000'
  const [user, verifiedPurchase, purchase, authorTimes, productTimes, stars, recent] =
    await Promise.all([
      db
        .selectFrom('users')
        .select('created_at')
        .where('id', '=', args.userId)
        .executeTakeFirstOrThrow(),
      hasDeliveredPurchase(db, args.userId, args.productId),
      db
        .selectFrom('orders')
        .select(sql.lit(1).as('one'))
        .where('user_id', '=', args.userId)
        .where('status', 'in', PURCHASED_STATUSES)
        .limit(1)
        .executeTakeFirst(),
      db
        .selectFrom('reviews')
        .select('created_at')
        .where('user_id', '=', args.userId)
        .where('id', '!=', notThis)
        .where('created_at', '>', since)
        .execute(),
      db
        .selectFrom('reviews')
        .select('created_at')
        .where('product_id', '=', args.productId)
        .where('id', '!=', notThis)
        .where('created_at', '>', since)
        .execute(),
      db
        .selectFrom('reviews')
        .select(['rating', (eb) => eb.fn.countAll<string>().as('n')])
        .where('product_id', '=', args.productId)
        .where('status', '=', 'published')
        .where('id', '!=', notThis)
        .groupBy('rating')
        .execute(),
      db
        .selectFrom('reviews')
        .select(['id', 'user_id', 'product_id', 'title', 'body'])
        .where('id', '!=', notThis)
        .where('created_at', '>', since)
        .orderBy('created_at', 'desc')
        .limit(RECENT_TEXTS)
        .execute(),
    ])
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0]
  for (const s of stars) counts[s.rating - 1] = Number(s.n)
  const minHash = DEFAULT_SPAM_CONFIG.nearDuplicate.minHash
  const context: ReviewContext = {
    now: args.now,
    accountCreatedAt: user.created_at.getTime(),
    hasPurchased: verifiedPurchase || purchase !== undefined,
    recentReviewTimesByAuthor: authorTimes.map((r) => r.created_at.getTime()),
    recentReviewTimesForProduct: productTimes.map((r) => r.created_at.getTime()),
    productRatings: counts,
    recentSignatures: recent.map((r) => ({
      reviewId: r.id,
      authorId: r.user_id,
      productId: r.product_id,
      signature: minHashSignature(reviewText(r), minHash),
    })),
  }
  return { context, verifiedPurchase }
}
