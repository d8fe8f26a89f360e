import { TRPCError } from '@trpc/server'
import {
  findOwnReview,
  insertReview,
  listModerationDecisions,
  loadReviewContext,
  recordModerationDecision,
  recordReviewEvent,
  updateOwnReview,
  type Db,
  type Review,
  type ReviewStatus,
  type ScoredReviewFields,
} from '@emporium/db'
import {
  scoreReview,
  type CreateReviewInput,
  type SpamDecision,
  type UpdateReviewInput,
} from '@emporium/domain/reviews'

const STATUS_OF: Record<SpamDecision, ReviewStatus> = {
  publish: 'published',
  hold: 'held',
  reject: 'rejected',
}

const alreadyReviewed = () =>
  new TRPCError({
    code: 'CONFLICT',
    message: 'You already reviewed this product. Edit your review instead.',
  })

/** Scores the text against every spam signal, with the surroundings loaded from the database. */
async function scored(
  db: Db,
  userId: string,
  productId: string,
  reviewId: string | undefined,
  input: Pick<CreateReviewInput, 'rating' | 'title' | 'body' | 'photoKeys'>,
): Promise<ScoredReviewFields> {
  const now = Date.now()
  const { context, verifiedPurchase } = await loadReviewContext(db, {
    userId,
    productId,
    reviewId,
    now,
  })
  const verdict = scoreReview(
    {
      id: reviewId ?? 'new',
      productId,
      authorId: userId,
      rating: input.rating,
      title: input.title,
      body: input.body,
    },
    context,
  )
  return {
    rating: input.rating,
    title: input.title,
    body: input.body,
    photoKeys: input.photoKeys,
    status: STATUS_OF[verdict.decision],
    spamScore: verdict.score,
    spamReasons: verdict.reasons,
    verifiedPurchase,
  }
}

/** Records the automatic decision and the outbox event beside the write. */
async function recordWrite(
  trx: Db,
  review: Review,
  fields: ScoredReviewFields,
  eventType: 'review.submitted' | 'review.edited',
): Promise<void> {
  await recordModerationDecision(trx, {
    reviewId: review.id,
    status: fields.status,
    decidedBy: null,
    spamScore: fields.spamScore,
    reasons: fields.spamReasons,
  })
  await recordReviewEvent(trx, eventType, review)
}

/** Creates the caller's review of a product (scored; published, held or rejected). */
export async function createReview(
  db: Db,
  userId: string,
  input: CreateReviewInput,
): Promise<Review> {
  if (await findOwnReview(db, userId, input.productId)) throw alreadyReviewed()
  const fields = await scored(db, userId, input.productId, undefined, input)
  return db.transaction().execute(async (trx) => {
    const review = await insertReview(trx, input.productId, userId, fields)
    // Another request of the same user won the unique (user, product) pair meanwhile.
    if (!review) throw alreadyReviewed()
    await recordWrite(trx, review, fields, 'review.submitted')
    return review
  })
}

/**
 * Why an edited review still waits for a moderator: one a moderator rejected, or held after abuse
 * reports, goes back to the moderators instead of publishing itself because a new text scores
 * clean, however often it is edited, until a moderator approves it. Undefined when nothing holds it.
 */
async function moderatorsHold(db: Db, existing: Review): Promise<string | undefined> {
  if (existing.status === 'published') return undefined
  const decisions = await listModerationDecisions(db, existing.id)
  // The latest word that still counts: a moderator's decision or a hold after reports.
  for (const d of decisions.toReversed()) {
    if (d.decided_by !== null)
      return d.status === 'rejected' ? 'edited after a moderator rejected it' : undefined
    if (d.status === 'held' && d.reasons.some((r) => r.signal === 'reported'))
      return 'edited after it was held after abuse reports'
  }
  return undefined
}

/** Rewrites the caller's own review; every edit is scored again. */
export async function editReview(
  db: Db,
  userId: string,
  existing: Review,
  input: UpdateReviewInput,
): Promise<Review> {
  const rescored = await scored(db, userId, existing.product_id, existing.id, input)
  const held = rescored.status === 'published' ? await moderatorsHold(db, existing) : undefined
  const fields: ScoredReviewFields = held
    ? {
        ...rescored,
        status: 'held',
        spamReasons: [
          ...rescored.spamReasons,
          { signal: 'edited_after_moderation', weight: 0, detail: held },
        ],
      }
    : rescored
  return db.transaction().execute(async (trx) => {
    const review = await updateOwnReview(trx, existing.id, userId, fields)
    if (!review) throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no such review.' })
    await recordWrite(trx, review, fields, 'review.edited')
    return review
  })
}
