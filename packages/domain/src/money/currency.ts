import { z } from 'zod'
import { UnknownCurrencyError } from '../errors'

/**
 * ISO 4217 minor-unit exponents of the currencies the shop accepts: an amount of 1999 in a
 * currency with exponent 2 is 19.99. Adding a currency here is all it takes to support it.
 */
export const CURRENCY_EXPONENTS = {
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  INR: 2,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PLN: 2,
  SEK: 2,
  SGD: 2,
  TND: 3,
  USD: 2,
  VND: 0,
  ZAR: 2,
} as const satisfies Record<string, 0 | 2 | 3>

/** A supported ISO 4217 alpha-3 currency code, e.g. `'USD'`. */
export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS

/** Every supported currency code, alphabetically. */
export const CURRENCY_CODES = Object.keys(CURRENCY_EXPONENTS) as [CurrencyCode, ...CurrencyCode[]]

/** Zod schema for a supported, uppercase ISO 4217 currency code. */
export const CurrencyCodeSchema = z
  .string({ error: 'Currency must be a text code such as "USD"' })
  .regex(/^[A-Z]{3}$/, {
    error: (issue) =>
      `Currency must be three uppercase letters (ISO 4217) such as "USD", got ${JSON.stringify(issue.input)}`,
  })
  .pipe(
    z.enum(CURRENCY_CODES, {
      error: (issue) =>
        `Currency ${JSON.stringify(issue.input)} is not supported; use one of ${CURRENCY_CODES.join(', ')}`,
    }),
  )

/** True when `code` is a supported currency code. */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.hasOwn(CURRENCY_EXPONENTS, code)
}

/** Returns `code` typed as a currency, or throws `UnknownCurrencyError` if it is not supported. */
export function parseCurrency(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new UnknownCurrencyError(code, CURRENCY_CODES)
  return code
}

/** Number of decimal places (minor-unit exponent) of `currency`: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): 0 | 2 | 3 {
  return CURRENCY_EXPONENTS[parseCurrency(currency)]
}
