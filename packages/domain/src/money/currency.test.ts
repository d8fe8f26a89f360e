import { describe, expect, it } from 'vitest'
import { UnknownCurrencyError } from '../errors'
import { CurrencyCodeSchema, currencyExponent, isCurrencyCode, parseCurrency } from './currency'

describe('currency exponents', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['BRL', 2],
    ['CAD', 2],
    ['AUD', 2],
    ['CHF', 2],
    ['SEK', 2],
    ['INR', 2],
  ])('%s has %i decimal places', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent)
  })

  it('refuses an unknown code with a typed error naming the code', () => {
    expect(() => currencyExponent('XYZ')).toThrow(UnknownCurrencyError)
    expect(() => currencyExponent('XYZ')).toThrow(/Unknown currency "XYZ"/)
    expect(() => parseCurrency('usd')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CURRENCY', currency: 'usd' }),
    )
  })

  it('does not treat object prototype keys as currencies', () => {
    expect(isCurrencyCode('toString')).toBe(false)
    expect(isCurrencyCode('constructor')).toBe(false)
  })
})

describe('CurrencyCodeSchema', () => {
  it('accepts a supported uppercase code', () => {
    expect(CurrencyCodeSchema.parse('KWD')).toBe('KWD')
  })

  it.each([
    ['usd', 'Currency must be three uppercase letters (ISO 4217) such as "USD", got "usd"'],
    ['US', 'Currency must be three uppercase letters (ISO 4217) such as "USD", got "US"'],
    ['USDT', 'Currency must be three uppercase letters (ISO 4217) such as "USD", got "USDT"'],
    [42, 'Currency must be a text code such as "USD"'],
  ])('rejects %j with a readable message', (input, message) => {
    const result = CurrencyCodeSchema.safeParse(input)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message])
  })

  it('rejects a well-formed but unsupported code and lists what is supported', () => {
    const result = CurrencyCodeSchema.safeParse('XYZ')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(
      /^Currency "XYZ" is not supported; use one of .*USD/,
    )
  })
})
