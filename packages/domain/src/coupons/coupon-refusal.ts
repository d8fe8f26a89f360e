import { z } from 'zod'
import { MoneySchema } from '../money'

/** Why a coupon was not applied. */
export const COUPON_REFUSAL_REASONS = [
  'duplicate',
  'not_yet_valid',
  'expired',
  'usage_limit_reached',
  'customer_usage_limit_reached',
  'wrong_currency',
  'minimum_spend_not_met',
  'not_applicable',
  'not_stackable',
] as const

/** A coupon the shopper entered that does not apply, with a message a person understands. */
export const CouponRefusalSchema = z.object({
  couponCode: z.string(),
  reason: z.enum(COUPON_REFUSAL_REASONS),
  message: z.string(),
  /** For `minimum_spend_not_met`: how much more the shopper must spend. */
  shortBy: MoneySchema.optional(),
  /** For `not_stackable`: the coupon that was kept instead. */
  conflictsWith: z.string().optional(),
})

/** Why a coupon was not applied (see `COUPON_REFUSAL_REASONS`). */
export type CouponRefusalReason = (typeof COUPON_REFUSAL_REASONS)[number]
/** A coupon the shopper entered that does not apply (see `CouponRefusalSchema`). */
export type CouponRefusal = z.infer<typeof CouponRefusalSchema>
