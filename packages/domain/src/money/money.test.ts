import { describe, expect, it } from 'vitest'
import { InvalidAmountError, MoneyOverflowError, UnknownCurrencyError } from '../errors'
import type { CurrencyCode } from './currency'
import { MoneySchema, money, zero } from './money'

const messages = (input: unknown) =>
  MoneySchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message])

describe('money()', () => {
  it('builds a frozen plain object that survives JSON', () => {
    const price = money(1999, 'USD')
    expect(price).toEqual({ amount: 1999, currency: 'USD' })
    expect(Object.isFrozen(price)).toBe(true)
    expect(JSON.parse(JSON.stringify(price))).toEqual(price)
  })

  it('normalises negative zero to zero', () => {
    expect(Object.is(money(-0, 'EUR').amount, 0)).toBe(true)
    expect(zero('JPY')).toEqual({ amount: 0, currency: 'JPY' })
  })

  it.each([19.99, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s as an amount', (amount) => {
    expect(() => money(amount, 'USD')).toThrow(InvalidAmountError)
  })

  it('refuses integers beyond the safe range as an overflow', () => {
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(MoneyOverflowError)
    expect(money(Number.MAX_SAFE_INTEGER, 'USD').amount).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('refuses an unknown currency', () => {
    expect(() => money(1, 'ABC' as CurrencyCode)).toThrow(UnknownCurrencyError)
  })
})

describe('MoneySchema', () => {
  it('accepts integer minor units in a supported currency', () => {
    expect(MoneySchema.parse({ amount: -250, currency: 'GBP' })).toEqual({
      amount: -250,
      currency: 'GBP',
    })
  })

  it('explains a float amount', () => {
    expect(messages({ amount: 19.99, currency: 'USD' })).toEqual([
      [
        'amount',
        'Amount must be a whole number of minor units (for example 1999 for 19.99 USD), got 19.99',
      ],
    ])
  })

  it('explains NaN, a string and a missing amount', () => {
    expect(messages({ amount: Number.NaN, currency: 'USD' })?.[0]?.[1]).toMatch(/got NaN$/)
    expect(messages({ amount: '1999', currency: 'USD' })?.[0]?.[1]).toMatch(/got the text "1999"$/)
    expect(messages({ currency: 'USD' })?.[0]?.[1]).toMatch(/got nothing$/)
  })

  it('explains an unsafe integer', () => {
    expect(messages({ amount: 2 ** 53, currency: 'USD' })).toEqual([
      [
        'amount',
        'Amount 9007199254740992 is too large to store exactly; the limit is ±9007199254740991 minor units',
      ],
    ])
  })

  it('reports a bad currency on the currency field', () => {
    expect(messages({ amount: 1, currency: 'dollars' })).toEqual([
      [
        'currency',
        'Currency must be three uppercase letters (ISO 4217) such as "USD", got "dollars"',
      ],
    ])
  })
})
