import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { CouponKind } from './enums'

/** Discount codes. */
export interface CouponTable {
  id: Generated<number>
  code: string
  kind: CouponKind
  value: number
  currency: string | null
  min_spend_minor: Generated<number>
  starts_at: Date | null
  ends_at: Date | null
  usage_limit_total: number | null
  usage_limit_per_customer: number | null
  stackable: Generated<boolean>
  times_redeemed: Generated<number>
  /** Only this user may redeem it (a one-time cart-recovery offer); null = anyone. */
  issued_to_user_id: Generated<string | null>
  created_at: Generated<Date>
}

export type Coupon = Selectable<CouponTable>
export type NewCoupon = Insertable<CouponTable>
export type CouponUpdate = Updateable<CouponTable>
