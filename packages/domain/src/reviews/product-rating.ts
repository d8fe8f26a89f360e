import { bayesianAverage, wilsonStarScore } from './rating-rank'
import type { RatingCounts } from './spam-types'

/** The prior a product's Bayesian average starts from: as if it had `weight` reviews of `mean` stars. */
export interface RatingPrior {
  readonly mean: number
  readonly weight: number
}

/** A middling 3.5★ prior worth ten reviews: a handful of 5★ reviews cannot beat hundreds of 4.8★. */
export const DEFAULT_RATING_PRIOR: RatingPrior = { mean: 3.5, weight: 10 }

/** A product's rating aggregates, all derived from its star histogram. */
export interface ProductRating {
  readonly count: number
  /** Plain mean rounded to 2 decimals; null without reviews. */
  readonly average: number | null
  /** Mean damped toward the prior; the ranking key for "best rated". */
  readonly bayesianAverage: number
  /** Wilson lower bound of the star share in [0, 1]; a second, more conservative ranking key. */
  readonly wilsonScore: number
}

/** Computes count, mean, Bayesian average and Wilson score from counts per star (index 0 = 1★). */
export function productRating(
  counts: RatingCounts,
  prior: RatingPrior = DEFAULT_RATING_PRIOR,
): ProductRating {
  let count = 0
  let sum = 0
  counts.forEach((n, i) => {
    count += n
    sum += n * (i + 1)
  })
  return {
    count,
    average: count === 0 ? null : Math.round((sum / count) * 100) / 100,
    bayesianAverage: bayesianAverage(sum, count, prior.mean, prior.weight),
    wilsonScore: wilsonStarScore(counts),
  }
}

/** Orders products best-rated first by Bayesian average, then by review count. */
export function compareByRating(a: ProductRating, b: ProductRating): number {
  return b.bayesianAverage - a.bayesianAverage || b.count - a.count
}
