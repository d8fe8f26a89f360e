import { describe, expect, it } from 'vitest'
import { bayesianAverage, wilsonLowerBound, wilsonStarScore } from './rating-rank'

describe('ranking by rating', () => {
  it('computes the Wilson lower bound of a proportion', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0)
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2065, 4)
    expect(wilsonLowerBound(50, 100)).toBeCloseTo(0.4038, 4)
  })

  it('ranks one 5★ review below a thousand reviews averaging 4.8★ (Wilson)', () => {
    const single = wilsonStarScore([0, 0, 0, 0, 1])
    const thousand = wilsonStarScore([0, 0, 0, 200, 800]) // mean 4.8
    expect(single).toBeCloseTo(0.2065, 4)
    expect(thousand).toBeGreaterThan(0.93)
    expect(thousand).toBeGreaterThan(single)
  })

  it('ranks one 5★ review below a thousand reviews averaging 4.8★ (Bayesian average)', () => {
    const single = bayesianAverage(5, 1, 3.5, 10)
    const thousand = bayesianAverage(4800, 1000, 3.5, 10)
    expect(single).toBeCloseTo(40 / 11, 10)
    expect(thousand).toBeCloseTo(4835 / 1010, 10)
    expect(thousand).toBeGreaterThan(single)
  })

  it('returns the prior when there is no evidence at all', () => {
    expect(bayesianAverage(0, 0, 3.5, 0)).toBe(3.5)
    expect(bayesianAverage(0, 0, 3.5, 10)).toBe(3.5)
  })
})
