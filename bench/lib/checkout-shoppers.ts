import { randomUUID } from 'node:crypto'
import { DEFAULT_CART_SETTINGS, writeCart, type CartMeta } from '@emporium/cart'
import type { Db } from '@emporium/db'
import { insertTestStock, insertTestVariant, insertTestWarehouse } from '@emporium/db/testing'
import type { Redis } from '@emporium/infra'

/** One prepared shopper: a bearer session, an address and a one-line USD cart shipping to US-NY. */
export interface BenchShopper {
  token: string
  addressId: string
}

/** `count` variants priced 19.99 USD with `onHand` units each in one US warehouse. */
export async function benchVariants(db: Db, count: number, onHand: number) {
  const variants: { variantId: string; sku: string }[] = []
  const warehouseId = await insertTestWarehouse(db, 'US')
  for (let i = 0; i < count; i++) {
    const v = await insertTestVariant(db)
    await db
      .insertInto('prices')
      .values({ variant_id: v.variantId, currency: 'USD', amount_minor: 1_999 })
      .execute()
    await insertTestStock(db, v.variantId, warehouseId, onHand)
    variants.push({ variantId: v.variantId, sku: v.sku })
  }
  return variants
}

/**
 * `count` shoppers, made straight in the database and Redis (no password hashing, which would
 * dominate the set-up): users, default addresses, sessions through the API's own session store,
 * and carts of one unit of a variant picked round-robin.
 */
export async function benchShoppers(
  db: Db,
  redis: Redis,
  createSession: (userId: string) => Promise<{ token: string }>,
  variants: readonly { variantId: string; sku: string }[],
  count: number,
): Promise<BenchShopper[]> {
  const shoppers: BenchShopper[] = []
  const batch = 200
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start)
    const users = await db
      .insertInto('users')
      .values(
        Array.from({ length: n }, () => ({
          email: `bench-${randomUUID()}@bench.emporium.local`,
          role: 'customer' as const,
          email_verified_at: new Date(),
        })),
      )
      .returning('id')
      .execute()
    const addresses = await db
      .insertInto('addresses')
      .values(
        users.map((u) => ({
          user_id: u.id,
          full_name: 'Bench Shopper',
          line1: '1 Load Street',
          city: 'New York',
          region: 'NY',
          postal_code: '10001',
          country: 'US',
          is_default: true,
        })),
      )
      .returning(['id', 'user_id'])
      .execute()
    const now = new Date()
    for (const [i, address] of addresses.entries()) {
      const variant = variants[(start + i) % variants.length]
      if (!variant) throw new Error('no variants to put in carts')
      const meta: CartMeta = {
        id: randomUUID(),
        currency: 'USD',
        exchangeRate: null,
        exchangeRateDecimal: null,
        couponCodes: [],
        shippingRegion: 'US-NY',
        userId: address.user_id,
        createdAt: now.toISOString(),
      }
      await writeCart(
        redis,
        meta,
        {
          meta,
          putLines: [
            {
              variantId: variant.variantId,
              sku: variant.sku,
              quantity: 1,
              unitPrice: { amount: 1_999, currency: 'USD' },
              lockedUntil: new Date(now.getTime() + 3_600_000).toISOString(),
            },
          ],
        },
        DEFAULT_CART_SETTINGS,
      )
      const { token } = await createSession(address.user_id)
      shoppers.push({ token, addressId: address.id })
    }
  }
  return shoppers
}
