import { z } from 'zod'
import { CurrencyMismatchError, InvalidAmountError, MoneyOverflowError } from '../errors'
import { CurrencyCodeSchema, parseCurrency, type CurrencyCode } from './currency'

/**
 * An amount of money: a safe integer count of the currency's minor units (cents for USD, yen
 * for JPY, fils for KWD) and its currency. A plain frozen object, so it survives JSON, tRPC and
 * Temporal payloads unchanged.
 */
export interface Money {
  readonly amount: number
  readonly currency: CurrencyCode
}

const MINOR_UNITS_HINT = 'a whole number of minor units (for example 1999 for 19.99 USD)'

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`
  if (value === undefined) return 'nothing'
  return value === null ? 'null' : `a value of type ${typeof value}`
}

/** Zod schema for a money amount: integer minor units within the safe range plus a supported currency. */
export const MoneySchema = z.object({
  amount: z
    .number({
      error: (issue) => `Amount must be ${MINOR_UNITS_HINT}, got ${describe(issue.input)}`,
    })
    .int({
      error: (issue) =>
        issue.code === 'invalid_type'
          ? `Amount must be ${MINOR_UNITS_HINT}, got ${describe(issue.input)}`
          : `Amount ${describe(issue.input)} is too large to store exactly; the limit is ±${Number.MAX_SAFE_INTEGER} minor units`,
    }),
  currency: CurrencyCodeSchema,
})

/** Checks the amount and currency and returns a frozen `Money`; `-0` becomes `0`. */
export function money(amount: number, currency: CurrencyCode): Money {
  const code = parseCurrency(currency)
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    throw new InvalidAmountError(`Amount must be ${MINOR_UNITS_HINT}, got ${describe(amount)}`)
  }
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyOverflowError(code, BigInt(amount), 'Creating an amount')
  }
  return Object.freeze({ amount: amount === 0 ? 0 : amount, currency: code })
}

/** Zero in `currency`. */
export function zero(currency: CurrencyCode): Money {
  return money(0, currency)
}

/** Throws unless `value` is a well-formed `Money` (guards against hand-built or deserialised objects). */
export function assertMoney(value: Money): void {
  money(value.amount, value.currency)
}

/** Throws `CurrencyMismatchError` unless both amounts are valid and share a currency. */
export function assertSameCurrency(a: Money, b: Money): void {
  assertMoney(a)
  assertMoney(b)
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency)
}

/** Turns an exact BigInt result into `Money`, throwing `MoneyOverflowError` if it is not a safe integer. */
export function fromBigInt(amount: bigint, currency: CurrencyCode, operation: string): Money {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyOverflowError(currency, amount, operation)
  }
  return money(Number(amount), currency)
}
