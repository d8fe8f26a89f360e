import { sql } from 'kysely'
import type { Db } from '../client'
import type { Review, ReviewModerationDecision, ReviewStatus } from '../schema'

/** A held review with its abuse reports, as the moderation queue shows it. */
export type ModerationQueueRow = Review & {
  cursor_created_at: string
  reports: { reason: string; created_at: Date }[]
}

/**
 * Held reviews, oldest first, keyset-paginated on (created_at, id); the cursor keeps created_at as
 * Postgres text so microseconds survive.
 */
export async function listHeldReviews(
  db: Db,
  options: { after?: { createdAt: string; id: string }; limit: number },
): Promise<ModerationQueueRow[]> {
  let query = db
    .selectFrom('reviews')
    .selectAll()
    .select(sql<string>`created_at::text`.as('cursor_created_at'))
    .where('status', '=', 'held')
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit)
  const after = options.after
  if (after) {
    query = query.where(
      sql<boolean>`(created_at, id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    )
  }
  const rows = await query.execute()
  if (rows.length === 0) return []
  const reports = await db
    .selectFrom('review_reports')
    .select(['review_id', 'reason', 'created_at'])
    .where(
      'review_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    ...r,
    reports: reports
      .filter((p) => p.review_id === r.id)
      .map((p) => ({ reason: p.reason, created_at: p.created_at })),
  }))
}

/**
 * Moves a review to `status` if it is currently in one of `from` (a conditional update, so two
 * moderators deciding at once cannot both win); undefined when it was not.
 */
export async function setReviewStatus(
  trx: Db,
  reviewId: string,
  status: ReviewStatus,
  from: readonly ReviewStatus[],
): Promise<Review | undefined> {
  return trx
    .updateTable('reviews')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('id', '=', reviewId)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst()
}

/** Every decision taken on a review, oldest first. */
export async function listModerationDecisions(
  db: Db,
  reviewId: string,
): Promise<ReviewModerationDecision[]> {
  return db
    .selectFrom('review_moderation_decisions')
    .selectAll()
    .where('review_id', '=', reviewId)
    .orderBy('id')
    .execute()
}
