import { assertMoney, assertSameCurrency, type Money } from './money'

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`; throws on mixed currencies. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b)
  if (a.amount === b.amount) return 0
  return a.amount < b.amount ? -1 : 1
}

/** True when `a` and `b` are the same amount; throws `CurrencyMismatchError` on mixed currencies. */
export function equals(a: Money, b: Money): boolean {
  return compare(a, b) === 0
}

/** True when `m` is zero. */
export function isZero(m: Money): boolean {
  assertMoney(m)
  return m.amount === 0
}

/** True when `m` is below zero. */
export function isNegative(m: Money): boolean {
  assertMoney(m)
  return m.amount < 0
}

/** True when `m` is above zero. */
export function isPositive(m: Money): boolean {
  assertMoney(m)
  return m.amount > 0
}

/** Smallest of the amounts (the first one on ties); throws on mixed currencies. */
export function min(first: Money, ...rest: readonly Money[]): Money {
  assertMoney(first)
  return rest.reduce((lowest, m) => (compare(m, lowest) < 0 ? m : lowest), first)
}

/** Largest of the amounts (the first one on ties); throws on mixed currencies. */
export function max(first: Money, ...rest: readonly Money[]): Money {
  assertMoney(first)
  return rest.reduce((highest, m) => (compare(m, highest) > 0 ? m : highest), first)
}
