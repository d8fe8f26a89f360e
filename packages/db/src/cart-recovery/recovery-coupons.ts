import type { Db } from '../client'
import type { Coupon } from '../schema'

/** A one-time percentage coupon for one shopper, as a cart-recovery mail offers it. */
export interface RecoveryCouponInput {
  code: string
  userId: string
  basisPoints: number
  endsAt: Date
}

/**
 * Creates the shopper's recovery coupon (one redemption in total, one per customer, only for them),
 * or returns the existing one with that code, so a retried activity creates exactly one.
 */
export async function issueRecoveryCoupon(db: Db, input: RecoveryCouponInput): Promise<Coupon> {
  await db
    .insertInto('coupons')
    .values({
      code: input.code,
      kind: 'percentage',
      value: input.basisPoints,
      currency: null,
      ends_at: input.endsAt,
      starts_at: null,
      usage_limit_total: 1,
      usage_limit_per_customer: 1,
      issued_to_user_id: input.userId,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  return db
    .selectFrom('coupons')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirstOrThrow()
}
