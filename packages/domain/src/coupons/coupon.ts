import { z } from 'zod'
import { MoneySchema } from '../money'

const IsoInstant = z.iso.datetime({ offset: true })

/**
 * What a coupon takes off: `percentage` in basis points (1500 = 15 %), a `fixed` amount, or
 * `free_shipping`.
 */
export const CouponDiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percentage'), basisPoints: z.number().int().min(1).max(10_000) }),
  z.object({
    kind: z.literal('fixed'),
    amount: MoneySchema.refine((m) => m.amount > 0, {
      error: 'A fixed discount must be above zero',
    }),
  }),
  z.object({ kind: z.literal('free_shipping') }),
])

/**
 * A coupon definition. Valid from `validFrom` (inclusive) until `validUntil` (exclusive).
 * `minimumSpend` is compared with the cart's merchandise subtotal before any discount. With
 * `restrictTo`, the coupon discounts only lines whose SKU or one of whose categories is listed
 * (a line-level coupon); without it, it discounts the whole order.
 */
export const CouponSchema = z.object({
  code: z.string().min(1),
  discount: CouponDiscountSchema,
  minimumSpend: MoneySchema.optional(),
  validFrom: IsoInstant.optional(),
  validUntil: IsoInstant.optional(),
  /** Redemptions allowed across all customers. */
  usageLimit: z.number().int().positive().optional(),
  /** Redemptions allowed per customer. */
  perCustomerLimit: z.number().int().positive().optional(),
  /** Whether this coupon can be combined with another non-stackable coupon. */
  stackable: z.boolean(),
  restrictTo: z
    .object({ skus: z.array(z.string()).default([]), categories: z.array(z.string()).default([]) })
    .optional(),
})

/** What a coupon takes off (see `CouponDiscountSchema`). */
export type CouponDiscount = z.infer<typeof CouponDiscountSchema>
/** A coupon definition (see `CouponSchema`). */
export type Coupon = z.infer<typeof CouponSchema>

/** How often a coupon has been redeemed, overall and by the shopper at hand. */
export interface CouponUsage {
  readonly totalRedemptions: number
  readonly customerRedemptions: number
}
