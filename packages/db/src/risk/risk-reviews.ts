import { sql } from 'kysely'
import type { Db } from '../client'
import { toJson } from '../json'
import type { OrderRiskReview, RiskReviewStatus, StoredRiskReason } from '../schema'

/**
 * Records an order's screening (once per order: a retried activity gets the first row back).
 * `pending` when the order is held for review, `accepted` otherwise.
 */
export async function recordRiskScreening(
  db: Db,
  input: {
    orderId: string
    userId: string
    checkoutWorkflowId: string
    score: number
    reasons: StoredRiskReason[]
    held: boolean
    clientIp: string | null
    cardFingerprint: string | null
  },
): Promise<OrderRiskReview> {
  const inserted = await db
    .insertInto('order_risk_reviews')
    .values({
      order_id: input.orderId,
      user_id: input.userId,
      checkout_workflow_id: input.checkoutWorkflowId,
      score: input.score,
      reasons: toJson(input.reasons),
      status: input.held ? 'pending' : 'accepted',
      client_ip: input.clientIp,
      card_fingerprint: input.cardFingerprint,
    })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returningAll()
    .executeTakeFirst()
  return (
    inserted ??
    (await db
      .selectFrom('order_risk_reviews')
      .selectAll()
      .where('order_id', '=', input.orderId)
      .executeTakeFirstOrThrow())
  )
}

export type RiskDecision = 'approved' | 'rejected' | 'expired' | 'cancelled'

/**
 * Writes the decision the checkout acted on. The workflow's word is final: it overwrites an
 * administrator's claim that lost the race with the review timeout (the order was then expired).
 */
export async function settleRiskReview(
  db: Db,
  input: { orderId: string; status: RiskDecision; decidedBy: string | null; note: string | null },
): Promise<void> {
  await db
    .updateTable('order_risk_reviews')
    .set({
      status: input.status,
      decided_by: input.decidedBy,
      decision_note: input.note,
      decided_at: sql<Date>`coalesce(decided_at, now())`,
    })
    .where('order_id', '=', input.orderId)
    .execute()
}

/** A review as the admin queue shows it, with its order. */
export interface RiskReviewRow {
  id: string
  order_id: string
  order_number: number
  user_id: string
  user_email: string
  checkout_workflow_id: string
  score: number
  reasons: StoredRiskReason[]
  status: RiskReviewStatus
  total_minor: number
  currency: string
  decided_by: string | null
  decision_note: string | null
  decided_at: Date | null
  created_at: Date
}

function reviewRows(db: Db) {
  return db
    .selectFrom('order_risk_reviews as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.order_id',
      'o.number as order_number',
      'r.user_id',
      'u.email as user_email',
      'r.checkout_workflow_id',
      'r.score',
      'r.reasons',
      'r.status',
      'o.total_minor',
      'o.currency',
      'r.decided_by',
      'r.decision_note',
      'r.decided_at',
      'r.created_at',
    ])
}

/** One review by id, or undefined. */
export function findRiskReview(db: Db, id: string): Promise<RiskReviewRow | undefined> {
  return reviewRows(db).where('r.id', '=', id).executeTakeFirst()
}

/**
 * Reviews of held orders for the admin queue: pending ones first (oldest first, they expire
 * first), then decided ones, newest decision first. Screenings that were accepted are left out.
 */
export function listRiskReviews(
  db: Db,
  input: { status?: Exclude<RiskReviewStatus, 'accepted'>; limit: number },
): Promise<RiskReviewRow[]> {
  let query = reviewRows(db).where('r.status', '<>', 'accepted')
  if (input.status) query = query.where('r.status', '=', input.status)
  return query
    .orderBy(sql`r.status = 'pending'`, 'desc')
    .orderBy(sql`case when r.status = 'pending' then r.created_at end`, 'asc')
    .orderBy('r.decided_at', 'desc')
    .orderBy('r.id')
    .limit(input.limit)
    .execute()
}

/**
 * An administrator's decision on a pending review, taken under the row's lock: `run` (which
 * signals the checkout) runs inside the transaction, so of two administrators deciding at once
 * only the first reaches the checkout, and a failed signal leaves the review pending.
 */
export async function decideRiskReview<T>(
  db: Db,
  input: { id: string; status: 'approved' | 'rejected'; adminId: string; note: string | null },
  run: (review: RiskReviewRow) => Promise<T>,
): Promise<
  | { outcome: 'decided'; review: RiskReviewRow; result: T }
  | { outcome: 'already'; review: RiskReviewRow }
  | { outcome: 'not_found' }
> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('order_risk_reviews')
      .select('id')
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst()
    const review = locked && (await findRiskReview(trx, input.id))
    if (!review) return { outcome: 'not_found' as const }
    if (review.status !== 'pending') return { outcome: 'already' as const, review }
    await trx
      .updateTable('order_risk_reviews')
      .set({
        status: input.status,
        decided_by: input.adminId,
        decision_note: input.note,
        decided_at: sql<Date>`now()`,
      })
      .where('id', '=', input.id)
      .execute()
    const result = await run(review)
    const decided = await findRiskReview(trx, input.id)
    return { outcome: 'decided' as const, review: decided!, result }
  })
}
