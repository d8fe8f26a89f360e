import { decideRiskReview, findRiskReview, listRiskReviews, type RiskReviewRow } from '@emporium/db'
import { fraudReviewSignal } from '@emporium/workflows'
import { WorkflowNotFoundError } from '@temporalio/client'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { temporalClientOf } from '../checkout/temporal-client'
import type { Context } from '../context'
import { adminProcedure, router } from '../trpc'

const REVIEW_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'cancelled'] as const

const RiskReviewView = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNumber: z.number().int(),
  userId: z.string(),
  userEmail: z.string(),
  score: z.number().int(),
  reasons: z.array(z.object({ code: z.string(), points: z.number(), message: z.string() })),
  status: z.enum(REVIEW_STATUSES),
  total: z.object({ amount: z.number().int(), currency: z.string() }),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
type RiskReviewView = z.infer<typeof RiskReviewView>

function toView(row: RiskReviewRow): RiskReviewView {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: Number(row.order_number),
    userId: row.user_id,
    userEmail: row.user_email,
    score: row.score,
    reasons: row.reasons,
    // Accepted screenings are never listed nor decided.
    status: row.status as RiskReviewView['status'],
    total: { amount: Number(row.total_minor), currency: row.currency },
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }
}

const Decision = z.object({
  reviewId: z.uuid('Unknown risk review.'),
  note: z.string().trim().max(500).optional(),
})

/**
 * Records an administrator's decision and hands it to the held checkout (which charges or
 * cancels the order). Deciding again the same way answers with the review as it stands; a
 * different decision on a decided review is a CONFLICT.
 */
async function decide(
  ctx: Context & { session: NonNullable<Context['session']> },
  input: z.infer<typeof Decision>,
  decision: 'approve' | 'reject',
): Promise<RiskReviewView> {
  const status = decision === 'approve' ? 'approved' : 'rejected'
  const adminId = ctx.session.userId
  const note = input.note || null
  const client = await temporalClientOf(ctx)
  const outcome = await decideRiskReview(
    ctx.db,
    { id: input.reviewId, status, adminId, note },
    async (review) => {
      try {
        await client.workflow
          .getHandle(review.checkout_workflow_id)
          .signal(fraudReviewSignal, { decision, adminId, ...(note ? { note } : {}) })
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `The checkout of order #${review.order_number} has already ended; its review can no longer be decided.`,
        })
      }
    },
  )
  if (outcome.outcome === 'not_found') {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such risk review.' })
  }
  if (outcome.outcome === 'already' && outcome.review.status !== status) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `The review of order #${outcome.review.order_number} is already ${outcome.review.status}.`,
    })
  }
  ctx.logger.info(
    { reviewId: input.reviewId, orderId: outcome.review.order_id, by: adminId, status },
    'risk review decided',
  )
  return toView(outcome.review)
}

/** The fraud review queue: orders held before payment, approved or rejected by administrators. */
export const riskReviewsRouter = router({
  /** Held orders, pending ones first (oldest first: they expire first), then decided ones. */
  list: adminProcedure
    .input(
      z.object({
        status: z.enum(REVIEW_STATUSES).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .output(z.object({ items: z.array(RiskReviewView) }))
    .query(async ({ ctx, input }) => ({
      items: (await listRiskReviews(ctx.db, input)).map(toView),
    })),

  /** One review with its reasons. */
  get: adminProcedure
    .input(Decision.pick({ reviewId: true }))
    .output(RiskReviewView)
    .query(async ({ ctx, input }) => {
      const row = await findRiskReview(ctx.db, input.reviewId)
      if (!row || row.status === 'accepted') {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such risk review.' })
      }
      return toView(row)
    }),

  /** Lets a held order go on to payment. */
  approve: adminProcedure
    .input(Decision)
    .output(RiskReviewView)
    .mutation(({ ctx, input }) => decide(ctx, input, 'approve')),

  /** Cancels a held order: its stock is released and nothing is charged. */
  reject: adminProcedure
    .input(Decision)
    .output(RiskReviewView)
    .mutation(({ ctx, input }) => decide(ctx, input, 'reject')),
})
