import { describe, expect, it } from 'vitest'
import { compareByRating, productRating } from './product-rating'

describe('product rating aggregate', () => {
  it('gives count, rounded mean, damped mean and Wilson score from the histogram', () => {
    const r = productRating([1, 0, 2, 3, 4])
    expect(r.count).toBe(10)
    expect(r.average).toBe(3.9)
    // (3.5 × 10 + 39) / 20
    expect(r.bayesianAverage).toBeCloseTo(3.7, 10)
    expect(r.wilsonScore).toBeGreaterThan(0.4)
    expect(r.wilsonScore).toBeLessThan(0.725)
  })

  it('has no mean without reviews and ranks at the prior', () => {
    expect(productRating([0, 0, 0, 0, 0])).toEqual({
      count: 0,
      average: null,
      bayesianAverage: 3.5,
      wilsonScore: 0,
    })
  })

  it('ranks a thousand 4.8★ reviews above one 5★ review, and that above one 1★ review', () => {
    const single5 = productRating([0, 0, 0, 0, 1])
    const thousand48 = productRating([0, 0, 0, 200, 800])
    const single1 = productRating([1, 0, 0, 0, 0])
    expect(single5.average).toBe(5)
    expect(thousand48.average).toBe(4.8)
    const ranked = [single5, single1, thousand48].sort(compareByRating)
    expect(ranked).toEqual([thousand48, single5, single1])
    expect(thousand48.wilsonScore).toBeGreaterThan(single5.wilsonScore)
  })
})
