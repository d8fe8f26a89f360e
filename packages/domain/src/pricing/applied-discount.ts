import { z } from 'zod'
import { MoneySchema } from '../money'

/** The part of a line-level discount that falls on one line. */
export const LineDiscountPartSchema = z.object({ lineId: z.string(), amount: MoneySchema })

/**
 * A coupon that has passed evaluation, with its exact amount. `line` discounts say which lines
 * they reduce; `order` discounts are spread over the lines by the pricing rules; `shipping`
 * makes shipping free.
 */
export const AppliedDiscountSchema = z.discriminatedUnion('scope', [
  z.object({
    couponCode: z.string(),
    scope: z.literal('line'),
    amount: MoneySchema,
    lines: z.array(LineDiscountPartSchema),
  }),
  z.object({ couponCode: z.string(), scope: z.literal('order'), amount: MoneySchema }),
  z.object({ couponCode: z.string(), scope: z.literal('shipping') }),
])

/** A coupon that has passed evaluation, with its exact amount (see `AppliedDiscountSchema`). */
export type AppliedDiscount = z.infer<typeof AppliedDiscountSchema>
