import type { MinHashSignature } from './min-hash'
import type { TextModel } from './text-model'

/** The signals the spam scorer combines; each reason names one. */
export type SpamSignal =
  | 'url'
  | 'bare_domain'
  | 'email'
  | 'phone'
  | 'obfuscated_contact'
  | 'near_duplicate'
  | 'account_burst'
  | 'product_burst'
  | 'new_account_without_purchase'
  | 'rating_outlier'
  | 'profanity'
  | 'text_model'

/** Why a review scored what it did: the signal, its weight in [0, 1] and a readable detail. */
export interface SpamReason {
  readonly signal: SpamSignal
  readonly weight: number
  readonly detail: string
}

/** What a moderator or the storefront does with the review. */
export type SpamDecision = 'publish' | 'hold' | 'reject'

/** The outcome of scoring one review: score in [0, 1], the decision, and every reason that contributed. */
export interface SpamVerdict {
  readonly score: number
  readonly decision: SpamDecision
  readonly reasons: readonly SpamReason[]
}

/** The review being scored. Times are epoch milliseconds. */
export interface ReviewToScore {
  readonly id: string
  readonly productId: string
  readonly authorId: string
  /** Stars, 1..5. */
  readonly rating: number
  readonly title?: string
  readonly body: string
}

/** A recent review kept for near-duplicate checks: its id, author and MinHash signature. */
export interface RecentReviewSignature {
  readonly reviewId: string
  readonly authorId: string
  readonly productId: string
  readonly signature: MinHashSignature
}

/** Count of reviews per star, index 0 = 1 star … index 4 = 5 stars. */
export type RatingCounts = readonly [number, number, number, number, number]

/** Everything the scorer knows about the review's surroundings; the caller loads it, the scorer only reads it. */
export interface ReviewContext {
  /** The moment of scoring (epoch ms); the scorer never reads a clock. */
  readonly now: number
  /** When the author's account was created (epoch ms). */
  readonly accountCreatedAt: number
  /** Whether the author bought this product (or anything, if the shop reviews without a purchase check). */
  readonly hasPurchased: boolean
  /** Times of the author's earlier reviews (epoch ms), not counting this one. */
  readonly recentReviewTimesByAuthor: readonly number[]
  /** Times of the product's earlier reviews (epoch ms), not counting this one. */
  readonly recentReviewTimesForProduct: readonly number[]
  /** The product's published rating distribution before this review. */
  readonly productRatings?: RatingCounts
  /** Signatures of recent reviews (any product) to catch copy-pasted text. */
  readonly recentSignatures?: readonly RecentReviewSignature[]
  /** An optional learned text model; without it the text signal stays silent. */
  readonly textModel?: TextModel
}
