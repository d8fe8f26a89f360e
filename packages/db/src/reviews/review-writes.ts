import type { Db } from '../client'
import { toJson } from '../json'
import { recordOutboxEvent } from '../outbox'
import type { Review, ReviewStatus, StoredSpamReason } from '../schema'

/** Aggregate type of review events in the outbox; `aggregate_id` is the review id. */
export const REVIEW_AGGREGATE = 'review'

/** Review events; each payload carries `reviewId` and `productId` (and `reviewerId` on `review.replied`). */
export type ReviewEventType =
  | 'review.submitted'
  | 'review.edited'
  | 'review.moderated'
  | 'review.voted'
  | 'review.reported'
  | 'review.replied'

/** What a spam-scored write stores. */
export interface ScoredReviewFields {
  rating: number
  title: string
  body: string
  photoKeys: readonly string[]
  status: ReviewStatus
  spamScore: number
  spamReasons: readonly StoredSpamReason[]
  verifiedPurchase: boolean
}

/** Records a review event in the outbox; call with the transaction of the write it describes. Returns its id. */
export async function recordReviewEvent(
  trx: Db,
  eventType: ReviewEventType,
  review: Pick<Review, 'id' | 'product_id' | 'user_id'>,
): Promise<number> {
  return recordOutboxEvent(trx, {
    aggregateType: REVIEW_AGGREGATE,
    aggregateId: review.id,
    eventType,
    payload: { reviewId: review.id, productId: review.product_id, reviewerId: review.user_id },
  })
}

/** Inserts the user's review of a product; undefined when they already have one (the DB-unique pair). */
export async function insertReview(
  trx: Db,
  productId: string,
  userId: string,
  fields: ScoredReviewFields,
): Promise<Review | undefined> {
  return trx
    .insertInto('reviews')
    .values({
      product_id: productId,
      user_id: userId,
      rating: fields.rating,
      title: fields.title,
      body: fields.body,
      photo_keys: toJson(fields.photoKeys),
      status: fields.status,
      spam_score: fields.spamScore,
      spam_reasons: toJson(fields.spamReasons),
      verified_purchase: fields.verifiedPurchase,
    })
    .onConflict((oc) => oc.constraint('reviews_user_product_key').doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** Rewrites the author's own review (rescored); undefined when it is not theirs or does not exist. */
export async function updateOwnReview(
  trx: Db,
  reviewId: string,
  userId: string,
  fields: ScoredReviewFields,
): Promise<Review | undefined> {
  return trx
    .updateTable('reviews')
    .set((eb) => ({
      rating: fields.rating,
      title: fields.title,
      body: fields.body,
      photo_keys: toJson(fields.photoKeys),
      status: fields.status,
      spam_score: fields.spamScore,
      spam_reasons: toJson(fields.spamReasons),
      verified_purchase: fields.verifiedPurchase,
      updated_at: eb.fn('now'),
    }))
    .where('id', '=', reviewId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst()
}

/** Appends a status decision (automatic when `decidedBy` is null) with its reasons. */
export async function recordModerationDecision(
  trx: Db,
  decision: {
    reviewId: string
    status: ReviewStatus
    decidedBy: string | null
    spamScore: number | null
    reasons: readonly StoredSpamReason[]
  },
): Promise<void> {
  await trx
    .insertInto('review_moderation_decisions')
    .values({
      review_id: decision.reviewId,
      status: decision.status,
      decided_by: decision.decidedBy,
      spam_score: decision.spamScore,
      reasons: toJson(decision.reasons),
    })
    .execute()
}

/** The review, if it exists. */
export async function findReview(db: Db, reviewId: string): Promise<Review | undefined> {
  return db.selectFrom('reviews').selectAll().where('id', '=', reviewId).executeTakeFirst()
}

/** Reviews the caller wrote of this product (at most one). */
export async function findOwnReview(
  db: Db,
  userId: string,
  productId: string,
): Promise<Review | undefined> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('user_id', '=', userId)
    .where('product_id', '=', productId)
    .executeTakeFirst()
}
