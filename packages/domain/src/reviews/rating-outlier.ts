import type { SpamConfig } from './spam-config'
import type { RatingCounts, SpamReason } from './spam-types'

/** Mean, standard deviation and count of a 1..5 star distribution. */
export function ratingStats(counts: RatingCounts): { mean: number; std: number; count: number } {
  let count = 0
  let sum = 0
  let squares = 0
  counts.forEach((n, i) => {
    const stars = i + 1
    count += n
    sum += n * stars
    squares += n * stars * stars
  })
  if (count === 0) return { mean: 0, std: 0, count: 0 }
  const mean = sum / count
  return { mean, std: Math.sqrt(Math.max(0, squares / count - mean * mean)), count }
}

/** Flags a rating far from the product's established mean (a 1★ bomb on a 4.8★ product, or the reverse). */
export function ratingOutlierReasons(
  rating: number,
  counts: RatingCounts | undefined,
  config: SpamConfig['ratingOutlier'],
): SpamReason[] {
  if (!counts) return []
  const { mean, std, count } = ratingStats(counts)
  if (count < config.minReviews) return []
  const z = (rating - mean) / Math.max(std, config.minStd)
  if (Math.abs(z) < config.minZ) return []
  return [
    {
      signal: 'rating_outlier',
      weight: config.weight,
      detail: `${rating}★ is ${Math.abs(z).toFixed(1)} standard deviations from the product's ${mean.toFixed(2)}★ mean over ${count} reviews`,
    },
  ]
}
