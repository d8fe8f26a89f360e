import { InvalidAmountError } from '../errors'
import { currencyExponent, parseCurrency, type CurrencyCode } from './currency'
import { assertMoney, fromBigInt, type Money } from './money'

/** Options for reading a decimal amount. */
export interface ParseDecimalOptions {
  /** Accept amounts below zero (refunds, adjustments). Default `false`. */
  readonly allowNegative?: boolean
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * Reads a plain decimal string in major units ("19.99", "-5", "0.5") as `Money` using exact
 * string and BigInt arithmetic. Rejects exponents, separators, signs other than a leading
 * minus (only with `allowNegative`), and more decimal places than the currency has.
 */
export function parseDecimal(
  text: string,
  currency: CurrencyCode,
  options: ParseDecimalOptions = {},
): Money {
  const code = parseCurrency(currency)
  const exponent = currencyExponent(code)
  const input = typeof text === 'string' ? text.trim() : text
  const match = typeof input === 'string' ? DECIMAL.exec(input) : null
  if (!match) {
    throw new InvalidAmountError(
      `${JSON.stringify(text)} is not a decimal amount; write digits with an optional "." such as "19.99"`,
    )
  }
  const [, sign = '', whole = '', fraction = ''] = match
  if (fraction.length > exponent) {
    throw new InvalidAmountError(
      exponent === 0
        ? `${code} has no decimal places, so ${JSON.stringify(text)} cannot be charged exactly`
        : `${code} allows at most ${exponent} decimal places, got ${JSON.stringify(text)}`,
    )
  }
  const digits = BigInt(whole + fraction.padEnd(exponent, '0'))
  const minor = sign === '-' ? -digits : digits
  if (minor < 0n && options.allowNegative !== true) {
    throw new InvalidAmountError(`Amount must not be negative, got ${JSON.stringify(text)}`)
  }
  return fromBigInt(minor, code, `Reading ${JSON.stringify(text)}`)
}

/**
 * Converts a major-unit number such as 19.99 to `Money` without float multiplication: the
 * number's shortest exact decimal form ("19.99") is parsed digit by digit.
 */
export function fromMajor(
  major: number,
  currency: CurrencyCode,
  options: ParseDecimalOptions = {},
): Money {
  if (typeof major !== 'number' || !Number.isFinite(major)) {
    throw new InvalidAmountError(`Amount must be a finite number, got ${String(major)}`)
  }
  const text = String(major)
  if (/e/i.test(text)) {
    throw new InvalidAmountError(
      `${text} is too large or has too many decimal places for ${parseCurrency(currency)}`,
    )
  }
  return parseDecimal(text, currency, options)
}

/** The exact major-unit decimal string of `m`: 1999 USD → "19.99", -5 USD → "-0.05", 1234 JPY → "1234". */
export function toDecimalString(m: Money): string {
  assertMoney(m)
  const exponent = currencyExponent(m.currency)
  const digits = Math.abs(m.amount)
    .toString()
    .padStart(exponent + 1, '0')
  const sign = m.amount < 0 ? '-' : ''
  if (exponent === 0) return sign + digits
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}
