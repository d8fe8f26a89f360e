import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../errors'
import { allocate, split } from './allocate'
import { money } from './money'
import { amountArb, currencyArb } from './test-arbitraries'

const usd = (amount: number) => money(amount, 'USD')
const amounts = (parts: { amount: number }[]) => parts.map((p) => p.amount)

describe('allocate', () => {
  it('gives leftover cents to the largest remainders, earlier index first', () => {
    expect(amounts(allocate(usd(100), [1, 1, 1]))).toEqual([34, 33, 33])
    expect(amounts(allocate(usd(5), [3, 7]))).toEqual([2, 3]) // 1.5, 3.5 → tie, earlier wins
    expect(amounts(allocate(usd(100), [1, 2, 3]))).toEqual([17, 33, 50]) // 16.67, 33.33, 50
    expect(amounts(allocate(usd(1000), [70, 20, 10]))).toEqual([700, 200, 100])
    expect(amounts(allocate(usd(2), [1, 1, 1]))).toEqual([1, 1, 0])
  })

  it('mirrors negative amounts (a refund splits like the charge)', () => {
    expect(amounts(allocate(usd(-100), [1, 1, 1]))).toEqual([-34, -33, -33])
    expect(amounts(allocate(usd(-100), [1, 2, 3]))).toEqual([-17, -33, -50])
  })

  it('gives zero to zero ratios and splits zero into zeros', () => {
    expect(amounts(allocate(usd(100), [0, 1, 0, 1]))).toEqual([0, 50, 0, 50])
    expect(amounts(allocate(usd(1), [0, 1, 1]))).toEqual([0, 1, 0])
    expect(amounts(allocate(usd(0), [1, 2]))).toEqual([0, 0])
  })

  it('keeps the currency and works at the edge of the safe range', () => {
    const max = Number.MAX_SAFE_INTEGER
    expect(allocate(money(max, 'JPY'), [1, 1])).toEqual([
      money(4503599627370496, 'JPY'),
      money(4503599627370495, 'JPY'),
    ])
  })

  it.each([
    [[], 'Allocation needs at least one ratio'],
    [[0, 0], 'Allocation ratios must not all be zero'],
    [[1, -1], 'Allocation ratios must be non-negative whole numbers; ratio 1 is -1'],
    [[0.5, 0.5], 'Allocation ratios must be non-negative whole numbers; ratio 0 is 0.5'],
    [[Number.NaN], 'Allocation ratios must be non-negative whole numbers; ratio 0 is NaN'],
  ])('refuses ratios %j', (ratios, message) => {
    expect(() => allocate(usd(100), ratios)).toThrow(InvalidArgumentError)
    expect(() => allocate(usd(100), ratios)).toThrow(message)
  })

  it('parts always sum to the total and each is within one unit of its exact share', () => {
    const ratiosArb = fc
      .array(fc.oneof(fc.nat(1000), fc.constant(0), fc.nat(Number.MAX_SAFE_INTEGER)), {
        minLength: 1,
        maxLength: 12,
      })
      .filter((ratios) => ratios.some((r) => r > 0))
    fc.assert(
      fc.property(currencyArb, amountArb, ratiosArb, (currency, amount, ratios) => {
        const parts = allocate(money(amount, currency), ratios)
        expect(parts).toHaveLength(ratios.length)
        const total = BigInt(amount)
        const weight = ratios.reduce((acc, r) => acc + BigInt(r), 0n)
        expect(parts.reduce((acc, p) => acc + BigInt(p.amount), 0n)).toBe(total)
        parts.forEach((part, i) => {
          expect(part.currency).toBe(currency)
          expect(Number.isSafeInteger(part.amount)).toBe(true)
          // |part − total·rᵢ/W| < 1  ⇔  |part·W − total·rᵢ| < W
          const diff = BigInt(part.amount) * weight - total * BigInt(ratios[i] ?? 0)
          expect((diff < 0n ? -diff : diff) < weight).toBe(true)
          if (ratios[i] === 0) expect(part.amount).toBe(0)
        })
      }),
    )
  })

  it('is deterministic and mirror-symmetric for negative amounts', () => {
    fc.assert(
      fc.property(
        amountArb,
        fc.array(fc.nat(50), { minLength: 1, maxLength: 8 }),
        (amount, ratios) => {
          fc.pre(ratios.some((r) => r > 0))
          const positive = amounts(allocate(usd(Math.abs(amount)), ratios))
          expect(amounts(allocate(usd(Math.abs(amount)), ratios))).toEqual(positive)
          expect(amounts(allocate(usd(-Math.abs(amount)), ratios))).toEqual(
            positive.map((p) => (p === 0 ? 0 : -p)),
          )
        },
      ),
    )
  })
})

describe('split', () => {
  it('splits into equal parts, earlier parts taking the extra units', () => {
    expect(amounts(split(usd(100), 3))).toEqual([34, 33, 33])
    expect(amounts(split(money(1000, 'KWD'), 7))).toEqual([143, 143, 143, 143, 143, 143, 142])
    expect(amounts(split(usd(-7), 2))).toEqual([-4, -3])
    expect(amounts(split(usd(5), 1))).toEqual([5])
  })

  it.each([0, -1, 2.5])('refuses %s parts', (count) => {
    expect(() => split(usd(100), count)).toThrow(InvalidArgumentError)
  })

  it('parts differ by at most one unit and sum to the total', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 1, max: 50 }), (amount, n) => {
        const parts = amounts(split(usd(amount), n))
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount)
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
      }),
    )
  })
})
