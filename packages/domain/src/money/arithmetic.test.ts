import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CurrencyMismatchError, InvalidArgumentError, MoneyOverflowError } from '../errors'
import { add, multiply, multiplyByRatio, negate, percentage, subtract, sum } from './arithmetic'
import type { CurrencyCode } from './currency'
import { money, type Money } from './money'
import {
  MAX,
  amountArb,
  currencyArb,
  isSafe,
  moneyArb,
  sameCurrencyArb,
  twoCurrenciesArb,
} from './test-arbitraries'

const usd = (amount: number) => money(amount, 'USD')

/** Either the exact result as Money, or a MoneyOverflowError when it does not fit. */
function expectExactOrOverflow(run: () => Money, exact: bigint, currency: CurrencyCode) {
  if (isSafe(exact)) expect(run()).toEqual({ amount: Number(exact), currency })
  else expect(run).toThrow(MoneyOverflowError)
}

describe('add / subtract / negate / sum', () => {
  it('computes exact values', () => {
    expect(add(usd(1999), usd(1))).toEqual(usd(2000))
    expect(subtract(usd(500), usd(750))).toEqual(usd(-250))
    expect(negate(usd(250))).toEqual(usd(-250))
    expect(Object.is(negate(usd(0)).amount, 0)).toBe(true)
    expect(sum([usd(100), usd(250), usd(-50)], 'USD')).toEqual(usd(300))
    expect(sum([], 'JPY')).toEqual(money(0, 'JPY'))
  })

  it('throws a typed error on the last unit past the safe range, never rounding', () => {
    expect(() => add(usd(MAX), usd(1))).toThrow(MoneyOverflowError)
    expect(() => subtract(usd(-MAX), usd(1))).toThrow(MoneyOverflowError)
    expect(add(usd(MAX), usd(-1))).toEqual(usd(MAX - 1))
  })

  it('sums exactly even when a running total leaves the safe range', () => {
    expect(sum([usd(MAX), usd(MAX), usd(-MAX)], 'USD')).toEqual(usd(MAX))
    expect(() => sum([usd(MAX), usd(1)], 'USD')).toThrow(MoneyOverflowError)
  })

  it('refuses a list containing another currency', () => {
    expect(() => sum([usd(1), money(1, 'EUR')], 'USD')).toThrow(CurrencyMismatchError)
    expect(() => sum([usd(1)], 'EUR')).toThrow(
      'Cannot combine amounts in different currencies: EUR and USD',
    )
  })

  it('refuses a hand-built amount that is not whole minor units', () => {
    const broken = { amount: 0.1, currency: 'USD' } as Money
    expect(() => add(usd(1), broken)).toThrow(/whole number of minor units/)
  })

  it('add is commutative and associative, subtract inverts add', () => {
    fc.assert(
      fc.property(sameCurrencyArb(3, Math.floor(MAX / 3)), ([, [a, b, c]]) => {
        if (!a || !b || !c) throw new Error('generator returned too few amounts')
        expect(add(a, b)).toEqual(add(b, a))
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)))
        expect(subtract(add(a, b), b)).toEqual(a)
        expect(add(a, negate(a)).amount).toBe(0)
      }),
    )
  })

  it('add, subtract and sum give the exact result or throw MoneyOverflowError', () => {
    fc.assert(
      fc.property(currencyArb, amountArb, amountArb, (currency, x, y) => {
        const a = money(x, currency)
        const b = money(y, currency)
        expectExactOrOverflow(() => add(a, b), BigInt(x) + BigInt(y), currency)
        expectExactOrOverflow(() => subtract(a, b), BigInt(x) - BigInt(y), currency)
        expectExactOrOverflow(() => sum([a, b, a], currency), 2n * BigInt(x) + BigInt(y), currency)
      }),
    )
  })
})

describe('multiply', () => {
  it('multiplies by a whole quantity', () => {
    expect(multiply(usd(1999), 3)).toEqual(usd(5997))
    expect(multiply(usd(1999), 0)).toEqual(usd(0))
    expect(multiply(usd(1999), -2)).toEqual(usd(-3998))
  })

  it('refuses fractional quantities and overflow', () => {
    expect(() => multiply(usd(100), 1.5)).toThrow(InvalidArgumentError)
    expect(() => multiply(usd(100), 1.5)).toThrow(
      'Quantity must be a whole number in the safe range, got 1.5',
    )
    expect(() => multiply(usd(MAX), 2)).toThrow(MoneyOverflowError)
  })

  it('distributes over add', () => {
    fc.assert(
      fc.property(sameCurrencyArb(2, 1e9), fc.integer({ min: -1e6, max: 1e6 }), ([, [a, b]], k) => {
        if (!a || !b) throw new Error('generator returned too few amounts')
        expect(multiply(add(a, b), k)).toEqual(add(multiply(a, k), multiply(b, k)))
      }),
    )
  })

  it('gives the exact product or throws MoneyOverflowError', () => {
    fc.assert(
      fc.property(currencyArb, amountArb, fc.integer(), (currency, x, k) => {
        expectExactOrOverflow(
          () => multiply(money(x, currency), k),
          BigInt(x) * BigInt(k),
          currency,
        )
      }),
    )
  })
})

describe('multiplyByRatio / percentage', () => {
  it('takes a percentage in basis points with half-even rounding by default', () => {
    expect(percentage(usd(1999), 1000)).toEqual(usd(200)) // 199.9
    expect(percentage(usd(25), 1000)).toEqual(usd(2)) // 2.5 → 2 (even)
    expect(percentage(usd(35), 1000)).toEqual(usd(4)) // 3.5 → 4 (even)
    expect(percentage(usd(-25), 1000)).toEqual(usd(-2))
  })

  it('honours the requested rounding mode', () => {
    expect(percentage(usd(25), 1000, 'half-up')).toEqual(usd(3))
    expect(percentage(usd(-25), 1000, 'half-up')).toEqual(usd(-3))
    expect(percentage(usd(29), 1000, 'floor')).toEqual(usd(2))
    expect(percentage(usd(21), 1000, 'ceil')).toEqual(usd(3))
    expect(percentage(usd(-21), 1000, 'floor')).toEqual(usd(-3))
  })

  it('handles rates finer than a basis point and zero-decimal currencies', () => {
    // 8.875 % sales tax on 10.00 = 0.8875 → 0.89
    expect(multiplyByRatio(usd(1000), 8875, 100_000)).toEqual(usd(89))
    expect(percentage(money(999, 'JPY'), 1000)).toEqual(money(100, 'JPY'))
  })

  it('works on amounts where a float product would lose precision', () => {
    expect(multiplyByRatio(usd(MAX), 1, 3, 'floor')).toEqual(usd(3002399751580330))
    expect(() => multiplyByRatio(usd(MAX), 3, 2)).toThrow(MoneyOverflowError)
  })

  it('refuses a zero denominator or fractional ratio', () => {
    expect(() => multiplyByRatio(usd(100), 1, 0)).toThrow('Ratio denominator must not be zero')
    expect(() => percentage(usd(100), 12.5)).toThrow(InvalidArgumentError)
  })

  it('stays within one minor unit of the exact product and between floor and ceil', () => {
    fc.assert(
      fc.property(moneyArb('EUR', 1e12), fc.integer({ min: -100_000, max: 100_000 }), (m, bp) => {
        const floor = percentage(m, bp, 'floor').amount
        const ceil = percentage(m, bp, 'ceil').amount
        const exact = BigInt(m.amount) * BigInt(bp)
        expect(BigInt(floor) * 10_000n <= exact && exact <= BigInt(ceil) * 10_000n).toBe(true)
        expect(ceil - floor).toBeLessThanOrEqual(1)
        for (const mode of ['half-even', 'half-up'] as const) {
          expect([floor, ceil]).toContain(percentage(m, bp, mode).amount)
        }
      }),
    )
  })
})

describe('currency mismatch', () => {
  it('every binary operation throws CurrencyMismatchError on mixed currencies', () => {
    fc.assert(
      fc.property(twoCurrenciesArb, amountArb, amountArb, ([c1, c2], x, y) => {
        const a = money(x, c1)
        const b = money(y, c2)
        expect(() => add(a, b)).toThrow(CurrencyMismatchError)
        expect(() => subtract(a, b)).toThrow(CurrencyMismatchError)
        expect(() => sum([a, b], c1)).toThrow(CurrencyMismatchError)
        expect(() => sum([a], c2)).toThrow(CurrencyMismatchError)
      }),
    )
  })
})
