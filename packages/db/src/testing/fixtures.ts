import { randomUUID } from 'node:crypto'
import type { Db } from '../client'
import { toJson } from '../json'
import type { NewOrder, User } from '../schema'

/** Inserts a user with a unique email (no password: an OIDC-style account). */
export async function insertTestUser(db: Db, role: User['role'] = 'customer'): Promise<User> {
  return db
    .insertInto('users')
    .values({ email: `user-${randomUUID()}@test.emporium.local`, role })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Inserts an approved seller, an active product and one variant; returns their ids. */
export async function insertTestVariant(
  db: Db,
): Promise<{ sellerId: string; productId: string; variantId: string; sku: string }> {
  const owner = await insertTestUser(db, 'seller')
  const key = randomUUID()
  const seller = await db
    .insertInto('sellers')
    .values({
      user_id: owner.id,
      store_name: `Test store ${key}`,
      slug: `test-store-${key}`,
      contact_email: owner.email,
      payout_currency: 'USD',
      status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const product = await db
    .insertInto('products')
    .values({
      seller_id: seller.id,
      name: `Test product ${key}`,
      slug: `test-product-${key}`,
      status: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const sku = `TEST-${key}`
  const variant = await db
    .insertInto('product_variants')
    .values({ product_id: product.id, sku, title: 'Default' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { sellerId: seller.id, productId: product.id, variantId: variant.id, sku }
}

/** Inserts a pending USD order for `userId` with consistent totals; `overrides` replace any column. */
export async function insertTestOrder(db: Db, userId: string, overrides: Partial<NewOrder> = {}) {
  return db
    .insertInto('orders')
    .values({
      user_id: userId,
      currency: 'USD',
      subtotal_minor: 10_000,
      total_minor: 10_000,
      idempotency_key: `order-${randomUUID()}`,
      shipping_address: toJson({ line1: '1 Test Street', city: 'Springfield', country: 'US' }),
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
