import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { combineWeights, decide, scoreReview } from './score-review'
import { DEFAULT_SPAM_CONFIG } from './spam-config'
import type { ReviewContext, ReviewToScore } from './spam-types'

const now = Date.UTC(2026, 0, 1, 12)
const DAY = 86_400_000
const honest: ReviewToScore = {
  id: 'r1',
  productId: 'kettle',
  authorId: 'u1',
  rating: 4,
  title: 'Quick and quiet',
  body: 'Boils a litre in about three minutes. The lid sticks a little, otherwise happy after two months.',
}
const established: ReviewContext = {
  now,
  accountCreatedAt: now - 400 * DAY,
  hasPurchased: true,
  recentReviewTimesByAuthor: [now - 30 * DAY],
  recentReviewTimesForProduct: [now - DAY, now - 3 * DAY],
  productRatings: [1, 2, 5, 30, 40],
}

describe('scoreReview', () => {
  it('publishes a normal review with no reasons', () => {
    expect(scoreReview(honest, established)).toEqual({ score: 0, decision: 'publish', reasons: [] })
  })

  it('holds a review with a link and records why', () => {
    const verdict = scoreReview(
      { ...honest, body: `${honest.body} Cheaper at https://deals.example.shop` },
      established,
    )
    expect(verdict.decision).toBe('hold')
    expect(verdict.score).toBeCloseTo(0.6)
    expect(verdict.reasons.map((r) => r.signal)).toEqual(['url'])
  })

  it('rejects a brand-new account posting links and a phone number in a burst', () => {
    const verdict = scoreReview(
      { ...honest, body: 'Best kettle!!! Order at www.kettle-deals.store or call 415-555-0142' },
      {
        ...established,
        accountCreatedAt: now - 3_600_000,
        hasPurchased: false,
        recentReviewTimesByAuthor: [now - 60_000, now - 120_000],
      },
    )
    expect(verdict.decision).toBe('reject')
    expect(verdict.reasons.map((r) => r.signal)).toEqual([
      'url',
      'phone',
      'account_burst',
      'new_account_without_purchase',
    ])
    expect(verdict.score).toBeCloseTo(1 - 0.4 * 0.4 * 0.5 * 0.65)
  })

  it('lets weak signals alone through but holds them together', () => {
    const newcomer = { ...established, accountCreatedAt: now - 3_600_000, hasPurchased: false }
    expect(scoreReview({ ...honest, rating: 1 }, established).decision).toBe('publish')
    expect(scoreReview(honest, newcomer).decision).toBe('publish')
    expect(
      scoreReview({ ...honest, body: `${honest.body} Total shit.` }, established).decision,
    ).toBe('publish')
    const both = scoreReview({ ...honest, rating: 1, body: `${honest.body} Total shit.` }, newcomer)
    expect(both.reasons.map((r) => r.signal)).toEqual([
      'new_account_without_purchase',
      'rating_outlier',
      'profanity',
    ])
    expect(both.score).toBeCloseTo(1 - 0.65 * 0.75 * 0.7)
    expect(both.decision).toBe('hold')
  })

  it('applies custom thresholds', () => {
    const strict = { ...DEFAULT_SPAM_CONFIG, holdAt: 0.2, rejectAt: 0.5 }
    expect(scoreReview({ ...honest, rating: 1 }, established, strict).decision).toBe('hold')
  })

  it('adding another recent review by the author never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7_200_000 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 7_200_000 }),
        (ago, extra) => {
          const times = ago.map((a) => now - a)
          const before = scoreReview(honest, {
            ...established,
            recentReviewTimesByAuthor: times,
          }).score
          const after = scoreReview(honest, {
            ...established,
            recentReviewTimesByAuthor: [...times, now - extra],
          }).score
          expect(after).toBeGreaterThanOrEqual(before)
        },
      ),
    )
  })
})

describe('combineWeights', () => {
  it('is 0 for no signals and noisy-OR otherwise', () => {
    expect(combineWeights([])).toBe(0)
    expect(combineWeights([0.5, 0.5])).toBe(0.75)
  })

  it('never decreases when a signal is added and stays within [0, 1]', () => {
    const weight = fc.double({ min: 0, max: 1, noNaN: true })
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 10 }), weight, (weights, extra) => {
        const before = combineWeights(weights)
        const after = combineWeights([...weights, extra])
        expect(after).toBeGreaterThanOrEqual(before)
        expect(after).toBeLessThanOrEqual(1)
      }),
    )
  })
})

describe('decide', () => {
  it('maps scores to publish below holdAt, hold from holdAt, reject from rejectAt', () => {
    const t = { holdAt: 0.5, rejectAt: 0.85 }
    expect([0, 0.49, 0.5, 0.84, 0.85, 1].map((s) => decide(s, t))).toEqual([
      'publish',
      'publish',
      'hold',
      'hold',
      'reject',
      'reject',
    ])
  })

  it('refuses thresholds where rejecting comes before holding', () => {
    expect(() => decide(0.6, { holdAt: 0.8, rejectAt: 0.5 })).toThrow(/inverted/)
  })
})
