import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvalidAmountError, MoneyOverflowError } from '../errors'
import { fromMajor, parseDecimal, toDecimalString } from './decimal'
import { money } from './money'
import { amountArb, currencyArb } from './test-arbitraries'

describe('parseDecimal', () => {
  it.each([
    ['19.99', 'USD', 1999],
    ['19.9', 'USD', 1990],
    ['19', 'USD', 1900],
    ['0.01', 'EUR', 1],
    ['007.50', 'GBP', 750],
    [' 12.5 ', 'CAD', 1250],
    ['1234', 'JPY', 1234],
    ['1.234', 'KWD', 1234],
    ['0.5', 'KWD', 500],
    ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER],
  ] as const)('reads %j %s as %i minor units', (text, currency, amount) => {
    expect(parseDecimal(text, currency)).toEqual({ amount, currency })
  })

  it.each([
    '1e3',
    'abc',
    '',
    '1,000.00',
    '1.',
    '.5',
    '+5',
    '--1',
    '0x10',
    '١٢',
    'Infinity',
    '1 000',
  ])('rejects %j as not a decimal amount', (text) => {
    expect(() => parseDecimal(text, 'USD')).toThrow(InvalidAmountError)
    expect(() => parseDecimal(text, 'USD')).toThrow(/is not a decimal amount/)
  })

  it('rejects more decimals than the currency has, even trailing zeros', () => {
    expect(() => parseDecimal('19.999', 'USD')).toThrow(
      'USD allows at most 2 decimal places, got "19.999"',
    )
    expect(() => parseDecimal('19.990', 'USD')).toThrow(InvalidAmountError)
    expect(() => parseDecimal('100.5', 'JPY')).toThrow(
      'JPY has no decimal places, so "100.5" cannot be charged exactly',
    )
    expect(() => parseDecimal('1.2345', 'KWD')).toThrow(InvalidAmountError)
  })

  it('rejects negatives unless allowed', () => {
    expect(() => parseDecimal('-5.00', 'USD')).toThrow('Amount must not be negative, got "-5.00"')
    expect(parseDecimal('-5.01', 'USD', { allowNegative: true })).toEqual({
      amount: -501,
      currency: 'USD',
    })
    expect(Object.is(parseDecimal('-0.00', 'USD').amount, 0)).toBe(true)
  })

  it('refuses amounts beyond the safe range instead of rounding them', () => {
    expect(() => parseDecimal('90071992547409.92', 'USD')).toThrow(MoneyOverflowError)
    expect(() => parseDecimal('99999999999999999999', 'JPY')).toThrow(MoneyOverflowError)
  })
})

describe('fromMajor', () => {
  it('converts without float multiplication error', () => {
    // 19.99 * 100 === 1998.9999999999998 and 1.005 * 100 === 100.49999999999999 in floating point.
    expect(fromMajor(19.99, 'USD').amount).toBe(1999)
    expect(fromMajor(1.005, 'KWD').amount).toBe(1005)
    expect(fromMajor(0.07, 'EUR').amount).toBe(7)
    expect(fromMajor(500, 'JPY').amount).toBe(500)
    expect(fromMajor(-2.5, 'USD', { allowNegative: true }).amount).toBe(-250)
  })

  it('rejects numbers that do not fit the currency exactly', () => {
    expect(() => fromMajor(1.005, 'USD')).toThrow(InvalidAmountError)
    expect(() => fromMajor(0.1 + 0.2, 'USD')).toThrow(InvalidAmountError)
    expect(() => fromMajor(1e-7, 'USD')).toThrow(InvalidAmountError)
    expect(() => fromMajor(1e21, 'JPY')).toThrow(InvalidAmountError)
    expect(() => fromMajor(Number.NaN, 'USD')).toThrow('Amount must be a finite number, got NaN')
    expect(() => fromMajor(-1, 'USD')).toThrow(/must not be negative/)
  })

  it('agrees with parseDecimal on every representable amount', () => {
    fc.assert(
      fc.property(currencyArb, fc.integer({ min: -1e9, max: 1e9 }), (currency, amount) => {
        const text = toDecimalString(money(amount, currency))
        expect(fromMajor(Number(text), currency, { allowNegative: true }).amount).toBe(amount)
      }),
    )
  })
})

describe('toDecimalString', () => {
  it.each([
    [1999, 'USD', '19.99'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
    [0, 'EUR', '0.00'],
    [1234, 'JPY', '1234'],
    [-1234, 'JPY', '-1234'],
    [1, 'KWD', '0.001'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ] as const)('writes %i %s as %j', (amount, currency, text) => {
    expect(toDecimalString(money(amount, currency))).toBe(text)
  })

  it('round-trips through parseDecimal for every amount and currency', () => {
    fc.assert(
      fc.property(currencyArb, amountArb, (currency, amount) => {
        const original = money(amount, currency)
        expect(parseDecimal(toDecimalString(original), currency, { allowNegative: true })).toEqual(
          original,
        )
      }),
    )
  })
})
