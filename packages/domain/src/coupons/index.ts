export {
  CouponDiscountSchema,
  CouponSchema,
  type Coupon,
  type CouponDiscount,
  type CouponUsage,
} from './coupon'
export {
  COUPON_REFUSAL_REASONS,
  CouponRefusalSchema,
  type CouponRefusal,
  type CouponRefusalReason,
} from './coupon-refusal'
export { checkCoupon, isEligibleLine } from './check-coupon'
export { evaluateCoupons, type CouponCart, type CouponEvaluation } from './evaluate-coupons'
export { CouponCodeInput } from './coupon-code-input'
