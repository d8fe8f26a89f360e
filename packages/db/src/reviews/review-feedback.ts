import { sql } from 'kysely'
import type { Db } from '../client'
import type { Review } from '../schema'

/** Distinct reporters at which a published review is held for a moderator. */
export const REPORTS_TO_HOLD = 3

/** Records the user's helpful vote; false when they already voted on this review (primary key). */
export async function insertHelpfulVote(
  trx: Db,
  reviewId: string,
  userId: string,
): Promise<boolean> {
  const row = await trx
    .insertInto('review_votes')
    .values({ review_id: reviewId, user_id: userId, helpful: true })
    .onConflict((oc) => oc.columns(['review_id', 'user_id']).doNothing())
    .returning('review_id')
    .executeTakeFirst()
  return row !== undefined
}

/** Records the user's abuse report; false when they already reported this review. */
export async function insertReviewReport(
  trx: Db,
  reviewId: string,
  userId: string,
  reason: string,
): Promise<boolean> {
  const row = await trx
    .insertInto('review_reports')
    .values({ review_id: reviewId, user_id: userId, reason })
    .onConflict((oc) => oc.columns(['review_id', 'user_id']).doNothing())
    .returning('review_id')
    .executeTakeFirst()
  return row !== undefined
}

/** Holds a published review once it has `REPORTS_TO_HOLD` reports; returns it when it was held now. */
export async function holdIfReported(trx: Db, reviewId: string): Promise<Review | undefined> {
  return trx
    .updateTable('reviews')
    .set({ status: 'held', updated_at: sql<Date>`now()` })
    .where('id', '=', reviewId)
    .where('status', '=', 'published')
    .where(
      (eb) =>
        eb
          .selectFrom('review_reports')
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('review_id', '=', reviewId),
      '>=',
      String(REPORTS_TO_HOLD),
    )
    .returningAll()
    .executeTakeFirst()
}

/** Sets (or replaces) the seller's reply; undefined unless the review is of one of the seller's products. */
export async function setSellerReply(
  trx: Db,
  reviewId: string,
  sellerId: string,
  body: string,
): Promise<Review | undefined> {
  return trx
    .updateTable('reviews')
    .set({ seller_reply: body, seller_replied_at: sql<Date>`now()` })
    .where('id', '=', reviewId)
    .where('product_id', 'in', (eb) =>
      eb.selectFrom('products').select('id').where('seller_id', '=', sellerId),
    )
    .returningAll()
    .executeTakeFirst()
}
