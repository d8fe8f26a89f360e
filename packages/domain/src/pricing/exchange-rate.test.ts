import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CurrencyMismatchError, InvalidArgumentError } from '../errors'
import { money } from '../money'
import {
  convert,
  lockExchangeRate,
  parseExchangeRate,
  LockedExchangeRateSchema,
} from './exchange-rate'

describe('parseExchangeRate', () => {
  it('reads decimals as exact fractions in lowest terms', () => {
    expect(parseExchangeRate('USD', 'EUR', '0.92137')).toEqual({
      from: 'USD',
      to: 'EUR',
      rateNumerator: 92137,
      rateDenominator: 100000,
    })
    expect(parseExchangeRate('USD', 'JPY', '151.50')).toMatchObject({
      rateNumerator: 303,
      rateDenominator: 2,
    })
    expect(parseExchangeRate('EUR', 'EUR', '1')).toMatchObject({
      rateNumerator: 1,
      rateDenominator: 1,
    })
  })

  it.each(['0', '0.000', '-1.2', '1e3', '1,5', '', 'abc', '0.00000000000000000001'])(
    'refuses %j',
    (text) => {
      expect(() => parseExchangeRate('USD', 'EUR', text)).toThrow(InvalidArgumentError)
    },
  )
})

describe('convert', () => {
  it('converts with the currencies’ own minor units and rounds half-even once', () => {
    expect(convert(money(10000, 'USD'), { from: 'USD', to: 'EUR', rate: '0.92137' })).toEqual(
      money(9214, 'EUR'),
    )
    expect(convert(money(100, 'USD'), { from: 'USD', to: 'JPY', rate: '151.2' })).toEqual(
      money(151, 'JPY'),
    )
    expect(convert(money(1000, 'JPY'), { from: 'JPY', to: 'USD', rate: '0.0066' })).toEqual(
      money(660, 'USD'),
    )
    expect(convert(money(1000, 'USD'), { from: 'USD', to: 'KWD', rate: '0.307' })).toEqual(
      money(3070, 'KWD'),
    )
    const half = { from: 'USD', to: 'EUR', rateNumerator: 1, rateDenominator: 2 } as const
    expect(convert(money(1, 'USD'), half).amount).toBe(0) // 0.5 → 0
    expect(convert(money(3, 'USD'), half).amount).toBe(2) // 1.5 → 2
    expect(convert(money(1, 'USD'), half, 'half-up').amount).toBe(1)
    expect(convert(money(-3, 'USD'), half).amount).toBe(-2)
  })

  it('refuses an amount not in the rate’s source currency and a malformed fraction', () => {
    expect(() => convert(money(100, 'EUR'), { from: 'USD', to: 'EUR', rate: '0.9' })).toThrow(
      CurrencyMismatchError,
    )
    expect(() =>
      convert(money(100, 'USD'), { from: 'USD', to: 'EUR', rateNumerator: 1, rateDenominator: 0 }),
    ).toThrow(InvalidArgumentError)
  })

  it('is within half a minor unit of the exact product', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        (amount, n, d) => {
          const out = convert(money(amount, 'USD'), {
            from: 'USD',
            to: 'JPY',
            rateNumerator: n,
            rateDenominator: d,
          })
          // USD has 2 decimals, JPY none: exact yen = amount × n / (d × 100).
          const error = BigInt(out.amount) * BigInt(d) * 200n - BigInt(amount) * BigInt(n) * 2n
          expect(error <= BigInt(d) * 100n && error >= -BigInt(d) * 100n).toBe(true)
        },
      ),
    )
  })
})

describe('lockExchangeRate', () => {
  it('stamps the rate with the time it was locked', () => {
    const locked = lockExchangeRate(
      { from: 'USD', to: 'EUR', rate: '0.92137' },
      new Date('2025-03-01T10:00:00Z'),
    )
    expect(locked).toEqual({
      from: 'USD',
      to: 'EUR',
      rateNumerator: 92137,
      rateDenominator: 100000,
      lockedAt: '2025-03-01T10:00:00.000Z',
    })
    expect(LockedExchangeRateSchema.parse(locked)).toEqual(locked)
  })
})
