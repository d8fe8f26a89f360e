import { InvalidArgumentError } from '../errors'
import { equals, type Money } from '../money'
import type { CartLine } from './cart-line'

/** A cart line whose price the shopper must see again before checkout. */
export type PriceChange =
  | {
      readonly lineId: string
      readonly sku: string
      readonly status: 'price_changed'
      readonly oldUnitPrice: Money
      readonly newUnitPrice: Money
    }
  | {
      readonly lineId: string
      readonly sku: string
      readonly status: 'unavailable'
      readonly oldUnitPrice: Money
    }

function lockHolds(line: CartLine, now: Date): boolean {
  if (line.lockedUntil === undefined) return false
  const until = Date.parse(line.lockedUntil)
  if (Number.isNaN(until)) {
    throw new InvalidArgumentError(
      `Line ${line.lineId} has an unreadable lockedUntil ${JSON.stringify(line.lockedUntil)}`,
    )
  }
  return now.getTime() < until
}

/**
 * Lines whose price lock has run out (or that never had one) and whose catalogue price now
 * differs from the cart's, in cart order; a SKU missing from `currentPrices` is reported as
 * `unavailable`. A lock holds until, not including, its `lockedUntil` instant. A current price in
 * another currency throws `CurrencyMismatchError`.
 */
export function detectPriceChanges(
  lines: readonly CartLine[],
  currentPrices: ReadonlyMap<string, Money>,
  now: Date,
): PriceChange[] {
  if (Number.isNaN(now.getTime())) throw new InvalidArgumentError('`now` must be a valid date')
  const changes: PriceChange[] = []
  for (const line of lines) {
    if (lockHolds(line, now)) continue
    const current = currentPrices.get(line.sku)
    const base = { lineId: line.lineId, sku: line.sku, oldUnitPrice: line.unitPrice }
    if (current === undefined) changes.push({ ...base, status: 'unavailable' })
    else if (!equals(line.unitPrice, current)) {
      changes.push({ ...base, status: 'price_changed', newUnitPrice: current })
    }
  }
  return changes
}
