import { z } from 'zod'

/** Input naming one coupon code (`cart.applyCoupon`, `cart.removeCoupon`, the coupon form). */
export const CouponCodeInput = z.object({
  code: z.string().trim().min(1, { error: 'Enter a coupon code' }).max(64),
})
