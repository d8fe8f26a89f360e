import { InvalidArgumentError } from '../errors'
import { assertMoney, fromBigInt, type Money } from './money'

/**
 * Splits `m` in proportion to `ratios` (non-negative whole numbers, not all zero) so the parts
 * sum exactly to `m`. Each part gets the floor of its exact share of |m|; the leftover minor units
 * go one each to the largest remainders, earlier index first on ties. A zero ratio always gets
 * zero, and a negative amount is split as the mirror image of its positive counterpart.
 */
export function allocate(m: Money, ratios: readonly number[]): Money[] {
  assertMoney(m)
  if (ratios.length === 0) throw new InvalidArgumentError('Allocation needs at least one ratio')
  const weights = ratios.map((ratio, index) => {
    if (!Number.isSafeInteger(ratio) || ratio < 0) {
      throw new InvalidArgumentError(
        `Allocation ratios must be non-negative whole numbers; ratio ${index} is ${ratio}`,
      )
    }
    return BigInt(ratio)
  })
  const totalWeight = weights.reduce((acc, w) => acc + w, 0n)
  if (totalWeight === 0n) {
    throw new InvalidArgumentError('Allocation ratios must not all be zero')
  }

  const sign = m.amount < 0 ? -1n : 1n
  const magnitude = BigInt(Math.abs(m.amount))
  const parts = weights.map((w) => (magnitude * w) / totalWeight)
  const remainders = weights.map((w) => (magnitude * w) % totalWeight)
  let leftover = magnitude - parts.reduce((acc, p) => acc + p, 0n)

  // Leftover < number of parts with a non-zero remainder, so zero-ratio parts are never picked.
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .filter(({ remainder }) => remainder > 0n)
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    )
  for (const { index } of order) {
    if (leftover === 0n) break
    parts[index] = (parts[index] ?? 0n) + 1n
    leftover -= 1n
  }
  return parts.map((p) => fromBigInt(sign * p, m.currency, 'Allocating an amount'))
}

/** Splits `m` into `count` parts as equal as possible (earlier parts get the extra minor units). */
export function split(m: Money, count: number): Money[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError(`Can only split into a whole number of parts ≥ 1, got ${count}`)
  }
  return allocate(
    m,
    Array.from({ length: count }, () => 1),
  )
}
