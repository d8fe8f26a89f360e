import { sql, type Transaction } from 'kysely'
import type { Db } from '../client'
import type { Coupon, Database } from '../schema'

/** The coupon with this code (case-insensitive), if any. */
export async function findCouponByCode(db: Db, code: string): Promise<Coupon | undefined> {
  return db.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirst()
}

/** The coupons with these codes (case-insensitive). */
export async function findCouponsByCodes(db: Db, codes: readonly string[]): Promise<Coupon[]> {
  if (codes.length === 0) return []
  return db
    .selectFrom('coupons')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute()
}

/** How many times `userId` has redeemed each of the given coupons (absent = never). */
export async function countCustomerRedemptions(
  db: Db,
  couponIds: readonly number[],
  userId: string,
): Promise<Map<number, number>> {
  if (couponIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('coupon_redemptions')
    .select(['coupon_id', sql<number>`count(*)::int`.as('n')])
    .where('coupon_id', 'in', [...couponIds])
    .where('user_id', '=', userId)
    .groupBy('coupon_id')
    .execute()
  return new Map(rows.map((r) => [r.coupon_id, r.n]))
}

/** Outcome of `redeemCoupon`: a refusal is an expected result, not an exception. */
export type CouponRedemptionResult =
  | { status: 'redeemed' }
  | { status: 'already_redeemed' }
  | { status: 'refused'; reason: 'unknown_coupon' | 'usage_limit_reached' }
  | { status: 'refused'; reason: 'customer_usage_limit_reached'; limit: number }

/**
 * Records one use of a coupon by an order, enforced by the database so racing or replayed
 * checkouts cannot exceed the limits. Run it inside the order's transaction: the coupon row is
 * locked, a repeat for the same order is a no-op, the per-customer count is checked under that
 * lock, and `times_redeemed` only moves through a conditional update below the total limit.
 */
export async function redeemCoupon(
  trx: Transaction<Database>,
  input: { couponId: number; userId: string; orderId: string; discountMinor?: number },
): Promise<CouponRedemptionResult> {
  const coupon = await trx
    .selectFrom('coupons')
    .select(['id', 'usage_limit_per_customer'])
    .where('id', '=', input.couponId)
    .forUpdate()
    .executeTakeFirst()
  if (!coupon) return { status: 'refused', reason: 'unknown_coupon' }

  const earlier = await trx
    .selectFrom('coupon_redemptions')
    .select('id')
    .where('coupon_id', '=', input.couponId)
    .where('order_id', '=', input.orderId)
    .executeTakeFirst()
  if (earlier) return { status: 'already_redeemed' }

  const limit = coupon.usage_limit_per_customer
  if (limit !== null) {
    const used = await countCustomerRedemptions(trx, [input.couponId], input.userId)
    if ((used.get(input.couponId) ?? 0) >= limit) {
      return { status: 'refused', reason: 'customer_usage_limit_reached', limit }
    }
  }

  const bumped = await trx
    .updateTable('coupons')
    .set((eb) => ({ times_redeemed: eb('times_redeemed', '+', 1) }))
    .where('id', '=', input.couponId)
    .where((eb) =>
      eb.or([
        eb('usage_limit_total', 'is', null),
        eb('times_redeemed', '<', eb.ref('usage_limit_total')),
      ]),
    )
    .returning('times_redeemed')
    .executeTakeFirst()
  if (!bumped) return { status: 'refused', reason: 'usage_limit_reached' }

  await trx
    .insertInto('coupon_redemptions')
    .values({
      coupon_id: input.couponId,
      user_id: input.userId,
      order_id: input.orderId,
      discount_minor: input.discountMinor ?? 0,
    })
    .execute()
  return { status: 'redeemed' }
}

/**
 * Gives back every coupon use recorded for an order (compensation for a failed checkout).
 * Idempotent: a second call finds nothing to restore and returns 0.
 */
export async function restoreCoupon(trx: Transaction<Database>, orderId: string): Promise<number> {
  const removed = await trx
    .deleteFrom('coupon_redemptions')
    .where('order_id', '=', orderId)
    .returning('coupon_id')
    .execute()
  const couponIds = [...new Set(removed.map((r) => r.coupon_id))].sort((a, b) => a - b)
  for (const couponId of couponIds) {
    const count = removed.filter((r) => r.coupon_id === couponId).length
    await trx
      .updateTable('coupons')
      .set((eb) => ({
        times_redeemed: sql<number>`greatest(${eb.ref('times_redeemed')} - ${count}, 0)`,
      }))
      .where('id', '=', couponId)
      .execute()
  }
  return removed.length
}
