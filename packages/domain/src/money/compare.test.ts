import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CurrencyMismatchError } from '../errors'
import { compare, equals, isNegative, isPositive, isZero, max, min } from './compare'
import { money } from './money'
import { amountArb, twoCurrenciesArb } from './test-arbitraries'

const usd = (amount: number) => money(amount, 'USD')

describe('comparison', () => {
  it('orders amounts of one currency', () => {
    expect(compare(usd(1), usd(2))).toBe(-1)
    expect(compare(usd(2), usd(2))).toBe(0)
    expect(compare(usd(3), usd(-2))).toBe(1)
    expect(equals(usd(5), usd(5))).toBe(true)
    expect(equals(usd(5), usd(6))).toBe(false)
  })

  it('classifies sign', () => {
    expect([isZero(usd(0)), isZero(usd(1))]).toEqual([true, false])
    expect([isNegative(usd(-1)), isNegative(usd(0))]).toEqual([true, false])
    expect([isPositive(usd(1)), isPositive(usd(0))]).toEqual([true, false])
  })

  it('picks the smallest and largest', () => {
    expect(min(usd(5), usd(-3), usd(9))).toEqual(usd(-3))
    expect(max(usd(5), usd(-3), usd(9))).toEqual(usd(9))
    expect(min(usd(7))).toEqual(usd(7))
  })

  it('throws CurrencyMismatchError rather than comparing different currencies', () => {
    expect(() => equals(usd(100), money(100, 'EUR'))).toThrow(
      'Cannot combine amounts in different currencies: USD and EUR',
    )
    fc.assert(
      fc.property(twoCurrenciesArb, amountArb, amountArb, ([c1, c2], x, y) => {
        const a = money(x, c1)
        const b = money(y, c2)
        for (const op of [compare, equals, min, max]) {
          expect(() => op(a, b)).toThrow(CurrencyMismatchError)
        }
      }),
    )
  })
})
