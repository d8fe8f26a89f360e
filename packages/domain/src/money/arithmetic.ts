import { InvalidArgumentError } from '../errors'
import type { CurrencyCode } from './currency'
import { assertMoney, assertSameCurrency, fromBigInt, zero, type Money } from './money'
import { divideRounded, type RoundingMode } from './rounding'

function safeInteger(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`${what} must be a whole number in the safe range, got ${value}`)
  }
  return BigInt(value)
}

/** `a + b`; throws `CurrencyMismatchError` or `MoneyOverflowError`. */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return fromBigInt(BigInt(a.amount) + BigInt(b.amount), a.currency, 'Adding amounts')
}

/** `a − b`; throws `CurrencyMismatchError` or `MoneyOverflowError`. */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return fromBigInt(BigInt(a.amount) - BigInt(b.amount), a.currency, 'Subtracting amounts')
}

/** `−m` (never `-0`). */
export function negate(m: Money): Money {
  assertMoney(m)
  return fromBigInt(-BigInt(m.amount), m.currency, 'Negating an amount')
}

/**
 * Total of `amounts`, all of which must be in `currency`; zero for an empty list. Only the final
 * total must fit the safe range, intermediate sums are exact.
 */
export function sum(amounts: readonly Money[], currency: CurrencyCode): Money {
  let total = 0n
  const expected = zero(currency)
  for (const m of amounts) {
    assertSameCurrency(expected, m)
    total += BigInt(m.amount)
  }
  return fromBigInt(total, currency, 'Summing amounts')
}

/** `m × quantity` for a whole-number quantity (e.g. unit price × line quantity). */
export function multiply(m: Money, quantity: number): Money {
  assertMoney(m)
  const q = safeInteger(quantity, 'Quantity')
  return fromBigInt(BigInt(m.amount) * q, m.currency, 'Multiplying an amount')
}

/** `m × numerator / denominator`, rounded to a whole minor unit with `rounding` (half-even by default). */
export function multiplyByRatio(
  m: Money,
  numerator: number,
  denominator: number,
  rounding: RoundingMode = 'half-even',
): Money {
  assertMoney(m)
  const n = safeInteger(numerator, 'Ratio numerator')
  const d = safeInteger(denominator, 'Ratio denominator')
  if (d === 0n) throw new InvalidArgumentError('Ratio denominator must not be zero')
  return fromBigInt(
    divideRounded(BigInt(m.amount) * n, d, rounding),
    m.currency,
    'Scaling an amount',
  )
}

/**
 * `basisPoints` hundredths of a percent of `m` (1250 = 12.5 %), rounded with `rounding`
 * (half-even by default). For finer rates such as 8.875 % use `multiplyByRatio(m, 8875, 100000)`.
 */
export function percentage(
  m: Money,
  basisPoints: number,
  rounding: RoundingMode = 'half-even',
): Money {
  return multiplyByRatio(m, basisPoints, 10_000, rounding)
}
