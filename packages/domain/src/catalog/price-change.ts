import { z } from 'zod'
import { InvalidAmountError } from '../errors'
import {
  add,
  CurrencyCodeSchema,
  fromBigInt,
  percentage,
  toDecimalString,
  type Money,
} from '../money'
import { ProductStatusSchema } from './product-status'
import { SkuSchema } from './product-input'

/** How prices change: by a percentage (basis points, -1000 = −10 %) or by a fixed amount of minor units. */
export const PriceChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('percentage'),
    basisPoints: z.number().int().min(-10_000).max(100_000),
  }),
  z.object({ kind: z.literal('absolute'), amount: z.number().int() }),
])
export type PriceChange = z.infer<typeof PriceChangeSchema>

/** Which of the seller's prices to change: listed SKUs, or every variant matching a filter. */
export const PriceChangeTarget = z.discriminatedUnion('by', [
  z.object({ by: z.literal('skus'), skus: z.array(SkuSchema).min(1).max(1000) }),
  z.object({
    by: z.literal('filter'),
    status: ProductStatusSchema.optional(),
    categoryId: z.number().int().positive().optional(),
    productIds: z.array(z.uuid()).min(1).max(1000).optional(),
  }),
])
export type PriceChangeTarget = z.infer<typeof PriceChangeTarget>

/** A bulk price change in one currency; all of it happens or none. */
export const BulkPriceChangeInput = z.object({
  target: PriceChangeTarget,
  currency: CurrencyCodeSchema,
  change: PriceChangeSchema,
})
export type BulkPriceChangeInput = z.infer<typeof BulkPriceChangeInput>

/**
 * The price after `change`; percentages round half-even to a whole minor unit. Throws
 * `InvalidAmountError` when the result would be negative.
 */
export function applyPriceChange(price: Money, change: PriceChange): Money {
  const next =
    change.kind === 'percentage'
      ? add(price, percentage(price, change.basisPoints))
      : fromBigInt(BigInt(price.amount) + BigInt(change.amount), price.currency, 'Changing a price')
  if (next.amount < 0) {
    throw new InvalidAmountError(
      `${toDecimalString(price)} ${price.currency} would become ${toDecimalString(next)} ${price.currency}, below zero`,
    )
  }
  return next
}
