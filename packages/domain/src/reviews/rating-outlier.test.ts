import { describe, expect, it } from 'vitest'
import { ratingOutlierReasons, ratingStats } from './rating-outlier'
import { DEFAULT_SPAM_CONFIG } from './spam-config'
import type { RatingCounts } from './spam-types'

const loved: RatingCounts = [1, 1, 2, 20, 76]

describe('ratingOutlierReasons', () => {
  it('computes the mean and spread of a star distribution', () => {
    expect(ratingStats([0, 0, 0, 0, 4])).toEqual({ mean: 5, std: 0, count: 4 })
    expect(ratingStats([1, 0, 0, 0, 1]).std).toBe(2)
  })

  it('fires on a 1-star review of a product averaging 4.7', () => {
    const [reason] = ratingOutlierReasons(1, loved, DEFAULT_SPAM_CONFIG.ratingOutlier)
    expect(reason?.signal).toBe('rating_outlier')
    expect(reason?.detail).toMatch(
      /^1★ is \d+\.\d standard deviations from the product's 4\.69★ mean over 100 reviews$/,
    )
  })

  it('stays quiet on a rating in line with the product', () => {
    expect(ratingOutlierReasons(4, loved, DEFAULT_SPAM_CONFIG.ratingOutlier)).toEqual([])
    expect(
      ratingOutlierReasons(3, [10, 10, 10, 10, 10], DEFAULT_SPAM_CONFIG.ratingOutlier),
    ).toEqual([])
  })

  it('stays quiet while the product has too few reviews to know its mean', () => {
    expect(ratingOutlierReasons(1, [0, 0, 0, 1, 4], DEFAULT_SPAM_CONFIG.ratingOutlier)).toEqual([])
    expect(ratingOutlierReasons(1, undefined, DEFAULT_SPAM_CONFIG.ratingOutlier)).toEqual([])
  })
})
