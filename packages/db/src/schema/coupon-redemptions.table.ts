import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** One row per coupon used on an order. */
export interface CouponRedemptionTable {
  id: Generated<number>
  coupon_id: number
  user_id: string
  order_id: string
  discount_minor: Generated<number>
  created_at: Generated<Date>
}

export type CouponRedemption = Selectable<CouponRedemptionTable>
export type NewCouponRedemption = Insertable<CouponRedemptionTable>
export type CouponRedemptionUpdate = Updateable<CouponRedemptionTable>
