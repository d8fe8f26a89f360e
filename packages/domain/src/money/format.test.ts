import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UnknownCurrencyError } from '../errors'
import type { CurrencyCode } from './currency'
import { format } from './format'
import { money, type Money } from './money'

const NBSP = '\u00a0'

describe('format', () => {
  it.each<[number, CurrencyCode, string | undefined, string]>([
    [123456, 'USD', undefined, '$1,234.56'],
    [5, 'USD', 'en-US', '$0.05'],
    [-123456, 'USD', 'en-US', '-$1,234.56'],
    [0, 'USD', 'en-US', '$0.00'],
    [123456, 'JPY', 'en-US', '¥123,456'],
    [1234567, 'KWD', 'en-US', `KWD${NBSP}1,234.567`],
    [123456, 'EUR', 'de-DE', `1.234,56${NBSP}€`],
    [-123456, 'EUR', 'de-DE', `-1.234,56${NBSP}€`],
    [123456, 'GBP', 'en-GB', '£1,234.56'],
    [123456, 'JPY', 'ja-JP', '￥123,456'],
  ])('formats %i %s in %s as %j', (amount, currency, locale, expected) => {
    expect(format(money(amount, currency), locale)).toBe(expected)
  })

  it('formats the largest safe amount digit for digit', () => {
    expect(format(money(Number.MAX_SAFE_INTEGER, 'USD'))).toBe('$90,071,992,547,409.91')
    expect(format(money(-Number.MAX_SAFE_INTEGER, 'KWD'))).toBe(`-KWD${NBSP}9,007,199,254,740.991`)
  })

  it('never loses a digit: stripping formatting gives back the minor units', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (amount) => {
        const text = format(money(amount, 'USD'))
        expect(BigInt(text.replace(/[^\d-]/g, ''))).toBe(BigInt(amount))
      }),
    )
  })

  it('refuses a hand-built amount in an unknown currency', () => {
    expect(() => format({ amount: 1, currency: 'XXX' } as unknown as Money)).toThrow(
      UnknownCurrencyError,
    )
  })
})
