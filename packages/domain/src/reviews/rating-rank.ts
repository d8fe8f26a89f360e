import type { RatingCounts } from './spam-types'

/**
 * Lower bound of the Wilson score interval for a proportion of `positive` out of `total` (z = 1.96
 * gives 95 %). `positive` may be fractional, which lets star ratings count as partial successes.
 */
export function wilsonLowerBound(positive: number, total: number, z = 1.96): number {
  if (total <= 0) return 0
  const p = positive / total
  const z2 = z * z
  const centre = p + z2 / (2 * total)
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total)
  return (centre - margin) / (1 + z2 / total)
}

/**
 * Wilson lower bound for a 1..5 star distribution. Stars map linearly to a success share:
 * 1★ = 0, 2★ = 0.25, 3★ = 0.5, 4★ = 0.75, 5★ = 1, so an average of 4.8★ is a 0.95 success rate.
 */
export function wilsonStarScore(counts: RatingCounts, z = 1.96): number {
  let total = 0
  let positive = 0
  counts.forEach((n, i) => {
    total += n
    positive += (n * i) / 4
  })
  return wilsonLowerBound(positive, total, z)
}

/**
 * Bayesian (damped) average: the mean pulled toward `priorMean` as if `priorWeight` extra reviews at
 * the prior had been given, so few reviews cannot outrank many.
 */
export function bayesianAverage(
  sum: number,
  count: number,
  priorMean: number,
  priorWeight: number,
): number {
  const weight = priorWeight + count
  return weight === 0 ? priorMean : (priorMean * priorWeight + sum) / weight
}
