import { TRPCError } from '@trpc/server'
import {
  findReview,
  listHeldReviews,
  listModerationDecisions,
  recordModerationDecision,
  recordReviewEvent,
  setReviewStatus,
  type Db,
  type ReviewStatus,
  type StoredSpamReason,
} from '@emporium/db'
import type { ModerationItemView } from '@emporium/domain/reviews'
import {
  ApproveReviewInput,
  ModerationDecisionView,
  ModerationQueueInput,
  ModerationQueuePage,
  RejectReviewInput,
  ReviewIdInput,
} from '@emporium/domain/reviews'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../pagination/created-at-cursor'
import { adminProcedure, router } from '../trpc'

/** Moves a review to `status` from one of `from`, recording the administrator's decision and reason. */
async function decide(
  db: Db,
  adminId: string,
  reviewId: string,
  status: ReviewStatus,
  from: readonly ReviewStatus[],
  reason: StoredSpamReason,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const review = await setReviewStatus(trx, reviewId, status, from)
    if (!review) {
      const current = await findReview(trx, reviewId)
      if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such review.' })
      throw new TRPCError({
        code: 'CONFLICT',
        message: `This review is ${current.status}; it cannot be ${status === 'published' ? 'approved' : 'rejected'} now.`,
      })
    }
    await recordModerationDecision(trx, {
      reviewId,
      status,
      decidedBy: adminId,
      spamScore: review.spam_score,
      reasons: [reason],
    })
    await recordReviewEvent(trx, 'review.moderated', review)
  })
}

/** The administrators' review moderation queue. */
export const reviewModerationRouter = router({
  /** Held reviews, oldest first, with their spam reasons and abuse reports. */
  listHeld: adminProcedure
    .input(ModerationQueueInput)
    .output(ModerationQueuePage)
    .query(async ({ ctx, input }) => {
      const rows = await listHeldReviews(ctx.db, {
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      })
      const page = rows.slice(0, input.limit)
      const last = page.at(-1)
      return {
        items: page.map(
          (r): ModerationItemView => ({
            reviewId: r.id,
            productId: r.product_id,
            authorId: r.user_id,
            rating: r.rating,
            title: r.title,
            body: r.body,
            status: r.status,
            spamScore: r.spam_score,
            spamReasons: r.spam_reasons,
            reports: r.reports.map((p) => ({ reason: p.reason, createdAt: p.created_at })),
            createdAt: r.created_at,
          }),
        ),
        nextCursor:
          rows.length > input.limit && last
            ? encodeCursor({ createdAt: last.cursor_created_at, id: last.id })
            : null,
      }
    }),

  /** Publishes a held review. */
  approve: adminProcedure
    .input(ApproveReviewInput)
    .output(z.object({ status: z.literal('published') }))
    .mutation(async ({ ctx, input }) => {
      await decide(ctx.db, ctx.session.userId, input.reviewId, 'published', ['held'], {
        signal: 'moderator_approved',
        weight: 0,
        detail: input.note || 'approved by a moderator',
      })
      return { status: 'published' as const }
    }),

  /** Rejects a held or published review, with the reason. */
  reject: adminProcedure
    .input(RejectReviewInput)
    .output(z.object({ status: z.literal('rejected') }))
    .mutation(async ({ ctx, input }) => {
      await decide(ctx.db, ctx.session.userId, input.reviewId, 'rejected', ['held', 'published'], {
        signal: 'moderator_rejected',
        weight: 1,
        detail: input.reason,
      })
      return { status: 'rejected' as const }
    }),

  /** Every decision on a review, automatic or a moderator's, oldest first, with its reasons. */
  decisions: adminProcedure
    .input(ReviewIdInput)
    .output(z.array(ModerationDecisionView))
    .query(async ({ ctx, input }) => {
      const rows = await listModerationDecisions(ctx.db, input.reviewId)
      return rows.map((d) => ({
        status: d.status,
        decidedBy: d.decided_by,
        spamScore: d.spam_score,
        reasons: d.reasons,
        createdAt: d.created_at,
      }))
    }),
})
