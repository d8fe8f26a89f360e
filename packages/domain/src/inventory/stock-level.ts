import { z } from 'zod'
import { InvalidArgumentError } from '../errors'

function count(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(
      `${what} must be a whole number of units, 0 or more, got ${value}`,
    )
  }
  return value
}

/** Units that can still be sold: on hand minus those reserved by unfinished orders, never below 0. */
export function availableToSell(onHand: number, reserved: number): number {
  return Math.max(0, count(onHand, 'Stock on hand') - count(reserved, 'Reserved stock'))
}

/** What a product page shows about stock. */
export const StockBadgeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('in_stock'), label: z.string() }),
  z.object({ status: z.literal('low'), remaining: z.number().int().positive(), label: z.string() }),
  z.object({ status: z.literal('out_of_stock'), label: z.string() }),
])

/** What a product page shows about stock (see `StockBadgeSchema`). */
export type StockBadge = z.infer<typeof StockBadgeSchema>

/**
 * The stock badge for `available` units: out of stock at 0, "Only N left" from 1 up to and
 * including `lowThreshold`, in stock above it.
 */
export function stockBadge(available: number, lowThreshold: number): StockBadge {
  const units = count(available, 'Available stock')
  const threshold = count(lowThreshold, 'Low-stock threshold')
  if (units === 0) return { status: 'out_of_stock', label: 'Out of stock' }
  if (units <= threshold) return { status: 'low', remaining: units, label: `Only ${units} left` }
  return { status: 'in_stock', label: 'In stock' }
}
