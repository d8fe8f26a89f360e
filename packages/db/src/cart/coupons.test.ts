import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../client'
import type { NewCoupon } from '../schema'
import { createTestDb, insertTestOrder, insertTestUser, TEST_DATABASE_URL } from '../testing'
import { redeemCoupon, restoreCoupon } from './coupons'

async function insertCoupon(db: Db, values: Partial<NewCoupon> = {}) {
  return db
    .insertInto('coupons')
    .values({ code: `RACE-${randomUUID()}`, kind: 'percentage', value: 1000, ...values })
    .returningAll()
    .executeTakeFirstOrThrow()
}

async function couponState(db: Db, couponId: number) {
  const coupon = await db
    .selectFrom('coupons')
    .select('times_redeemed')
    .where('id', '=', couponId)
    .executeTakeFirstOrThrow()
  const redemptions = await db
    .selectFrom('coupon_redemptions')
    .select(['order_id', 'user_id'])
    .where('coupon_id', '=', couponId)
    .execute()
  return { timesRedeemed: coupon.times_redeemed, redemptions }
}

describe('coupon redemption enforced by the database', () => {
  let db: Db
  let pool: Db // wide pool, so the orders really race

  beforeAll(async () => {
    db = await createTestDb()
    pool = createDb(process.env.DATABASE_URL ?? TEST_DATABASE_URL, 30)
  })
  afterAll(async () => {
    await pool.destroy()
    await db.destroy()
  })

  it('50 concurrent orders redeem a one-time coupon: exactly one wins', async () => {
    const coupon = await insertCoupon(db, { usage_limit_total: 1 })
    const users = await Promise.all(Array.from({ length: 50 }, () => insertTestUser(db)))
    const orders = await Promise.all(users.map((u) => insertTestOrder(db, u.id)))
    const results = await Promise.all(
      orders.map((order) =>
        pool
          .transaction()
          .execute((trx) =>
            redeemCoupon(trx, { couponId: coupon.id, userId: order.user_id, orderId: order.id }),
          ),
      ),
    )
    expect(results.filter((r) => r.status === 'redeemed')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'refused')).toEqual(
      Array.from({ length: 49 }, () => ({ status: 'refused', reason: 'usage_limit_reached' })),
    )
    const winner = orders[results.findIndex((r) => r.status === 'redeemed')]
    expect(await couponState(db, coupon.id)).toEqual({
      timesRedeemed: 1,
      redemptions: [{ order_id: winner?.id, user_id: winner?.user_id }],
    })
  })

  it('replaying the same order’s redemption is a no-op, even concurrently', async () => {
    const coupon = await insertCoupon(db, { usage_limit_total: 5 })
    const user = await insertTestUser(db)
    const order = await insertTestOrder(db, user.id)
    const redeem = () =>
      pool
        .transaction()
        .execute((trx) =>
          redeemCoupon(trx, { couponId: coupon.id, userId: user.id, orderId: order.id }),
        )
    const results = await Promise.all(Array.from({ length: 10 }, redeem))
    expect(results.filter((r) => r.status === 'redeemed')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'already_redeemed')).toHaveLength(9)
    expect(await redeem()).toEqual({ status: 'already_redeemed' })
    expect((await couponState(db, coupon.id)).timesRedeemed).toBe(1)
  })

  it('enforces the per-customer limit across that customer’s orders, not other customers’', async () => {
    const coupon = await insertCoupon(db, { usage_limit_per_customer: 2 })
    const [alice, bob] = [await insertTestUser(db), await insertTestUser(db)]
    const aliceOrders = await Promise.all(
      Array.from({ length: 6 }, () => insertTestOrder(db, alice.id)),
    )
    const bobOrder = await insertTestOrder(db, bob.id)
    const results = await Promise.all(
      aliceOrders.map((o) =>
        pool
          .transaction()
          .execute((trx) =>
            redeemCoupon(trx, { couponId: coupon.id, userId: alice.id, orderId: o.id }),
          ),
      ),
    )
    expect(results.filter((r) => r.status === 'redeemed')).toHaveLength(2)
    expect(results.filter((r) => r.status === 'refused')).toEqual(
      Array.from({ length: 4 }, () => ({
        status: 'refused',
        reason: 'customer_usage_limit_reached',
        limit: 2,
      })),
    )
    const forBob = await db
      .transaction()
      .execute((trx) =>
        redeemCoupon(trx, { couponId: coupon.id, userId: bob.id, orderId: bobOrder.id }),
      )
    expect(forBob).toEqual({ status: 'redeemed' })
    expect((await couponState(db, coupon.id)).timesRedeemed).toBe(3)
  })

  it('restoreCoupon gives the use back once, and the freed use can be redeemed again', async () => {
    const coupon = await insertCoupon(db, { usage_limit_total: 1 })
    const user = await insertTestUser(db)
    const [first, second] = [await insertTestOrder(db, user.id), await insertTestOrder(db, user.id)]
    const redeem = (orderId: string) =>
      db
        .transaction()
        .execute((trx) => redeemCoupon(trx, { couponId: coupon.id, userId: user.id, orderId }))
    expect(await redeem(first.id)).toEqual({ status: 'redeemed' })
    expect(await redeem(second.id)).toEqual({ status: 'refused', reason: 'usage_limit_reached' })

    expect(await db.transaction().execute((trx) => restoreCoupon(trx, first.id))).toBe(1)
    expect(await db.transaction().execute((trx) => restoreCoupon(trx, first.id))).toBe(0)
    expect(await couponState(db, coupon.id)).toEqual({ timesRedeemed: 0, redemptions: [] })

    expect(await redeem(second.id)).toEqual({ status: 'redeemed' })
    expect((await couponState(db, coupon.id)).timesRedeemed).toBe(1)
  })

  it('refuses an unknown coupon without writing anything', async () => {
    const user = await insertTestUser(db)
    const order = await insertTestOrder(db, user.id)
    const result = await db
      .transaction()
      .execute((trx) => redeemCoupon(trx, { couponId: -1, userId: user.id, orderId: order.id }))
    expect(result).toEqual({ status: 'refused', reason: 'unknown_coupon' })
    const rows = await db
      .selectFrom('coupon_redemptions')
      .select('id')
      .where('order_id', '=', order.id)
      .execute()
    expect(rows).toEqual([])
  })
})
