import { accountBurstReasons, productBurstReasons } from './burst'
import { linkAndContactReasons } from './links-and-contacts'
import { minHashSignature } from './min-hash'
import { nearDuplicateReasons } from './near-duplicate'
import { newAccountReasons } from './new-account'
import { profanityReasons } from './profanity'
import { ratingOutlierReasons } from './rating-outlier'
import { DEFAULT_SPAM_CONFIG, type SpamConfig } from './spam-config'
import type {
  ReviewContext,
  ReviewToScore,
  SpamDecision,
  SpamReason,
  SpamVerdict,
} from './spam-types'
import { spamProbability } from './text-model'

/** Noisy-OR of signal weights: 1 − Π(1 − w). Adding a signal never lowers the result. */
export function combineWeights(weights: readonly number[]): number {
  let keep = 1
  for (const w of weights) keep *= 1 - Math.min(1, Math.max(0, w))
  return 1 - keep
}

/** Maps a score to a decision: reject at or above `rejectAt`, hold at or above `holdAt`, publish below. */
export function decide(
  score: number,
  config: Pick<SpamConfig, 'holdAt' | 'rejectAt'>,
): SpamDecision {
  if (config.rejectAt < config.holdAt) {
    throw new Error(
      `Spam thresholds are inverted: rejectAt ${config.rejectAt} is below holdAt ${config.holdAt}`,
    )
  }
  if (score >= config.rejectAt) return 'reject'
  if (score >= config.holdAt) return 'hold'
  return 'publish'
}

/** The text a review shows: title and body. */
export function reviewText(review: Pick<ReviewToScore, 'title' | 'body'>): string {
  return review.title ? `${review.title}\n${review.body}` : review.body
}

function textModelReasons(
  text: string,
  context: ReviewContext,
  config: SpamConfig['textModel'],
): SpamReason[] {
  if (!context.textModel) return []
  const p = spamProbability(context.textModel, text)
  if (p < config.minProbability) return []
  return [
    {
      signal: 'text_model',
      weight: p * config.scale,
      detail: `learned text model gives spam probability ${p.toFixed(2)}`,
    },
  ]
}

/** Scores a review against every spam signal and returns the score, the decision and each reason that fired. */
export function scoreReview(
  review: ReviewToScore,
  context: ReviewContext,
  config: SpamConfig = DEFAULT_SPAM_CONFIG,
): SpamVerdict {
  const text = reviewText(review)
  const reasons: SpamReason[] = [
    ...linkAndContactReasons(text, config.links),
    ...nearDuplicateReasons(
      review.id,
      minHashSignature(text, config.nearDuplicate.minHash),
      context.recentSignatures ?? [],
      config.nearDuplicate,
    ),
    ...accountBurstReasons(context.recentReviewTimesByAuthor, context.now, config.accountBurst),
    ...productBurstReasons(context.recentReviewTimesForProduct, context.now, config.productBurst),
    ...newAccountReasons(
      context.accountCreatedAt,
      context.hasPurchased,
      context.now,
      config.newAccount,
    ),
    ...ratingOutlierReasons(review.rating, context.productRatings, config.ratingOutlier),
    ...profanityReasons(text, config.profanity),
    ...textModelReasons(text, context, config.textModel),
  ]
  const score = combineWeights(reasons.map((r) => r.weight))
  return { score, decision: decide(score, config), reasons }
}
