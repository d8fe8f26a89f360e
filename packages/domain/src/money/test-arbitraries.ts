// fast-check generators shared by the money property tests (not exported from the package).
import fc from 'fast-check'
import { CURRENCY_CODES, type CurrencyCode } from './currency'
import { money, type Money } from './money'

export const MAX = Number.MAX_SAFE_INTEGER

/** Any supported currency. */
export const currencyArb = fc.constantFrom<CurrencyCode>(...CURRENCY_CODES)

/** Amounts biased towards the edges of the safe range as well as everyday values. */
export const amountArb = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(0, 1, -1, MAX, -MAX, MAX - 1, -MAX + 1),
)

/** Money in `currency` with amounts whose magnitude stays within `limit`. */
export function moneyArb(currency: CurrencyCode, limit = MAX): fc.Arbitrary<Money> {
  return fc.integer({ min: -limit, max: limit }).map((amount) => money(amount, currency))
}

/** A currency together with `count` amounts in it, each bounded by `limit`. */
export function sameCurrencyArb(count: number, limit = MAX): fc.Arbitrary<[CurrencyCode, Money[]]> {
  return currencyArb.chain((currency) =>
    fc.tuple(
      fc.constant(currency),
      fc.array(moneyArb(currency, limit), { minLength: count, maxLength: count }),
    ),
  )
}

/** Two different currencies. */
export const twoCurrenciesArb = fc.tuple(currencyArb, currencyArb).filter(([a, b]) => a !== b)

/** Whether an exact BigInt result fits in a safe integer. */
export function isSafe(value: bigint): boolean {
  return value >= BigInt(-MAX) && value <= BigInt(MAX)
}
