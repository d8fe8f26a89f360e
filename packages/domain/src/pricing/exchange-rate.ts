import { z } from 'zod'
import { CurrencyMismatchError, InvalidArgumentError } from '../errors'
import {
  CurrencyCodeSchema,
  assertMoney,
  currencyExponent,
  divideRounded,
  fromBigInt,
  type CurrencyCode,
  type Money,
  type RoundingMode,
} from '../money'

const PositiveSafeInteger = z.number().int().positive()

/** One major unit of `from` is worth `rateNumerator / rateDenominator` major units of `to`. */
export const ExchangeRateSchema = z.object({
  from: CurrencyCodeSchema,
  to: CurrencyCodeSchema,
  rateNumerator: PositiveSafeInteger,
  rateDenominator: PositiveSafeInteger,
})

/** An exchange rate fixed when a cart is created; the cart and the order made from it keep it. */
export const LockedExchangeRateSchema = ExchangeRateSchema.extend({
  lockedAt: z.iso.datetime({ offset: true }),
})

/** An exact exchange rate as a fraction (see `ExchangeRateSchema`). */
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>
/** An exchange rate fixed at cart creation (see `LockedExchangeRateSchema`). */
export type LockedExchangeRate = z.infer<typeof LockedExchangeRateSchema>
/** An exchange rate written as a decimal string such as `"0.92137"`. */
export interface DecimalExchangeRate {
  readonly from: CurrencyCode
  readonly to: CurrencyCode
  readonly rate: string
}

const DECIMAL_RATE = /^(\d+)(?:\.(\d+))?$/

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b)
}

/** Reads a decimal rate such as `"0.92137"` as an exact fraction in lowest terms. */
export function parseExchangeRate(
  from: CurrencyCode,
  to: CurrencyCode,
  rate: string,
): ExchangeRate {
  const match = typeof rate === 'string' ? DECIMAL_RATE.exec(rate.trim()) : null
  if (!match) {
    throw new InvalidArgumentError(
      `Exchange rate ${JSON.stringify(rate)} is not a plain positive decimal such as "0.92137"`,
    )
  }
  const [, whole = '', fraction = ''] = match
  let numerator = BigInt(whole + fraction)
  let denominator = 10n ** BigInt(fraction.length)
  if (numerator === 0n)
    throw new InvalidArgumentError(`Exchange rate ${from}→${to} must be above zero`)
  const divisor = gcd(numerator, denominator)
  numerator /= divisor
  denominator /= divisor
  const limit = BigInt(Number.MAX_SAFE_INTEGER)
  if (numerator > limit || denominator > limit) {
    throw new InvalidArgumentError(
      `Exchange rate ${JSON.stringify(rate)} has too many digits to hold exactly`,
    )
  }
  return ExchangeRateSchema.parse({
    from,
    to,
    rateNumerator: Number(numerator),
    rateDenominator: Number(denominator),
  })
}

function toFraction(rate: ExchangeRate | DecimalExchangeRate): ExchangeRate {
  if ('rate' in rate) return parseExchangeRate(rate.from, rate.to, rate.rate)
  const parsed = ExchangeRateSchema.safeParse(rate)
  if (!parsed.success) {
    throw new InvalidArgumentError(
      `Exchange rate ${rate.from}→${rate.to} needs a positive whole numerator and denominator`,
    )
  }
  return parsed.data
}

/** Fixes `rate` at `now`, for a cart to carry and its order to inherit. */
export function lockExchangeRate(
  rate: ExchangeRate | DecimalExchangeRate,
  now: Date,
): LockedExchangeRate {
  if (Number.isNaN(now.getTime())) throw new InvalidArgumentError('`now` must be a valid date')
  return { ...toFraction(rate), lockedAt: now.toISOString() }
}

/**
 * Converts `m` from `rate.from` to `rate.to` in exact BigInt arithmetic, rounding once to a
 * minor unit of the target currency (half-even by default). Minor-unit exponents are taken
 * into account, so 100 USD cents at 150 JPY per USD become 150 yen.
 */
export function convert(
  m: Money,
  rate: ExchangeRate | DecimalExchangeRate,
  rounding: RoundingMode = 'half-even',
): Money {
  assertMoney(m)
  const exact = toFraction(rate)
  if (m.currency !== exact.from) throw new CurrencyMismatchError(exact.from, m.currency)
  const numerator =
    BigInt(m.amount) * BigInt(exact.rateNumerator) * 10n ** BigInt(currencyExponent(exact.to))
  const denominator = BigInt(exact.rateDenominator) * 10n ** BigInt(currencyExponent(exact.from))
  return fromBigInt(
    divideRounded(numerator, denominator, rounding),
    exact.to,
    `Converting ${exact.from} to ${exact.to}`,
  )
}
