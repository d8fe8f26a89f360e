import { DEFAULT_MIN_HASH_OPTIONS, type MinHashOptions } from './min-hash'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * Every threshold and weight of the spam scorer. Weights are probabilities in [0, 1] combined by
 * noisy-OR (score = 1 − Π(1 − weight)), so one strong signal can hold a review on its own while
 * weak signals only matter together.
 */
export interface SpamConfig {
  /** Score at or above which a review waits for a moderator. */
  readonly holdAt: number
  /** Score at or above which a review is rejected outright (must be ≥ holdAt). */
  readonly rejectAt: number
  readonly links: {
    readonly urlWeight: number
    /** A bare domain such as "example.com": weaker, honest reviews name shops too. */
    readonly bareDomainWeight: number
    readonly emailWeight: number
    readonly phoneWeight: number
    readonly obfuscatedWeight: number
  }
  readonly nearDuplicate: {
    /** Estimated Jaccard similarity at or above which two texts count as near-duplicates. */
    readonly minSimilarity: number
    /** Shorter texts (fewer shingles) are skipped: "Great product!" is common, not copied. */
    readonly minShingles: number
    /** Weight at minSimilarity; rises linearly to maxWeight at similarity 1. */
    readonly minWeight: number
    readonly maxWeight: number
    readonly minHash: MinHashOptions
  }
  readonly accountBurst: {
    readonly windowMs: number
    /** Reviews in the window (this one included) that start the signal. */
    readonly threshold: number
    readonly baseWeight: number
    /** Extra weight per review beyond the threshold, up to maxWeight. */
    readonly stepWeight: number
    readonly maxWeight: number
  }
  readonly productBurst: {
    readonly windowMs: number
    readonly threshold: number
    readonly weight: number
  }
  readonly newAccount: {
    /** Accounts younger than this without a purchase are suspicious. */
    readonly maxAgeMs: number
    readonly weight: number
  }
  readonly ratingOutlier: {
    /** Fewer published reviews than this: no meaningful mean, no signal. */
    readonly minReviews: number
    /** |rating − mean| / max(std, minStd) at or above this fires. */
    readonly minZ: number
    readonly minStd: number
    readonly weight: number
  }
  readonly profanity: {
    /** Words to look for (lower case, letters only); defaults to a small built-in English list. */
    readonly words?: readonly string[]
    readonly oneWordWeight: number
    readonly manyWordsWeight: number
  }
  readonly textModel: {
    /** Probabilities below this are not recorded as a reason. */
    readonly minProbability: number
    /** The model's probability is scaled by this before joining the noisy-OR. */
    readonly scale: number
  }
}

/** Defaults tuned on the crafted cases in the unit tests and the spam evaluation. */
export const DEFAULT_SPAM_CONFIG: SpamConfig = {
  holdAt: 0.5,
  rejectAt: 0.85,
  links: {
    urlWeight: 0.6,
    bareDomainWeight: 0.3,
    emailWeight: 0.7,
    phoneWeight: 0.6,
    obfuscatedWeight: 0.6,
  },
  nearDuplicate: {
    minSimilarity: 0.6,
    minShingles: 6,
    minWeight: 0.5,
    maxWeight: 0.9,
    minHash: DEFAULT_MIN_HASH_OPTIONS,
  },
  accountBurst: { windowMs: HOUR, threshold: 3, baseWeight: 0.5, stepWeight: 0.1, maxWeight: 0.8 },
  productBurst: { windowMs: HOUR, threshold: 20, weight: 0.3 },
  newAccount: { maxAgeMs: 2 * DAY, weight: 0.35 },
  ratingOutlier: { minReviews: 10, minZ: 2, minStd: 0.5, weight: 0.25 },
  profanity: { oneWordWeight: 0.3, manyWordsWeight: 0.55 },
  textModel: { minProbability: 0.5, scale: 1 },
}
