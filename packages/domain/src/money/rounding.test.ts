import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../errors'
import { RoundingModeSchema, divideRounded, type RoundingMode } from './rounding'

describe('divideRounded', () => {
  // numerator / 10 for tenths around the halfway points, positive and negative.
  it.each<[bigint, RoundingMode, bigint]>([
    [25n, 'half-even', 2n],
    [35n, 'half-even', 4n],
    [-25n, 'half-even', -2n],
    [-35n, 'half-even', -4n],
    [26n, 'half-even', 3n],
    [24n, 'half-even', 2n],
    [25n, 'half-up', 3n],
    [-25n, 'half-up', -3n],
    [24n, 'half-up', 2n],
    [-24n, 'half-up', -2n],
    [29n, 'floor', 2n],
    [-21n, 'floor', -3n],
    [21n, 'ceil', 3n],
    [-29n, 'ceil', -2n],
    [30n, 'floor', 3n],
    [-30n, 'ceil', -3n],
  ])('%i / 10 with %s is %i', (numerator, mode, expected) => {
    expect(divideRounded(numerator, 10n, mode)).toBe(expected)
  })

  it('treats a negative denominator like a negated numerator', () => {
    expect(divideRounded(25n, -10n, 'half-up')).toBe(-3n)
    expect(divideRounded(21n, -10n, 'floor')).toBe(-3n)
  })

  it('refuses division by zero and unknown modes', () => {
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow(InvalidArgumentError)
    expect(() => divideRounded(1n, 2n, 'half-down' as RoundingMode)).toThrow(
      'Unknown rounding mode "half-down"; use one of half-even, half-up, floor, ceil',
    )
  })

  it('lands within the bound each mode promises', () => {
    const bigintArb = fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n })
    const denominatorArb = fc.bigInt({ min: 1n, max: 2n ** 40n })
    fc.assert(
      fc.property(bigintArb, denominatorArb, (n, d) => {
        const floor = divideRounded(n, d, 'floor')
        const ceil = divideRounded(n, d, 'ceil')
        expect(floor * d <= n && n < (floor + 1n) * d).toBe(true)
        expect((ceil - 1n) * d < n && n <= ceil * d).toBe(true)
        for (const mode of ['half-even', 'half-up'] as const) {
          const q = divideRounded(n, d, mode)
          const error = n - q * d
          // |n/d − q| ≤ 1/2, i.e. the result is one of floor/ceil and the nearer one.
          expect(2n * (error < 0n ? -error : error) <= d).toBe(true)
          expect(q === floor || q === ceil).toBe(true)
        }
      }),
    )
  })
})

describe('RoundingModeSchema', () => {
  it('accepts the four modes and explains anything else', () => {
    expect(RoundingModeSchema.parse('half-up')).toBe('half-up')
    expect(RoundingModeSchema.safeParse('round').error?.issues[0]?.message).toBe(
      'Rounding mode must be one of half-even, half-up, floor, ceil, got "round"',
    )
  })
})
