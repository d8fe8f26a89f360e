import { randomInt } from 'node:crypto'
import type { Db, FulfillmentStatus, OrderStatus } from '@emporium/db'
import { sql } from 'kysely'
import { insertTestOrder } from '@emporium/db/testing'
import { DEFAULT_RATE_LIMITS, type Limit, type RateLimitSettings } from '../protection/rate-limits'
import type { RunningApi } from '../server'
import { signIn, type TestClient } from './api-client'
import { createTestSeller } from './sellers'
import { createTestUser } from './users'

/** The production limiters with far bigger budgets: review tests sign many users in from 127.0.0.1. */
export const generousRateLimits = Object.fromEntries(
  (Object.entries(DEFAULT_RATE_LIMITS) as [string, Limit][]).map(([name, limit]) => [
    name,
    { ...limit, points: limit.points * 1000 },
  ]),
) as unknown as RateLimitSettings

const WORDS = (
  'sturdy light bright handle colour strap fabric stitching zipper pocket battery screen lid ' +
  'blade grip cushion sole heel lace button cable charger speaker sound bass volume warmth ' +
  'water bottle kettle mug spout filter brush bristle mirror shelf drawer hinge wheel frame ' +
  'saddle pedal chain helmet visor lens strap buckle glove sleeve collar hood seam padding ' +
  'smooth quiet heavy compact roomy snug cosy crisp clear solid firm soft gentle comfortable ' +
  'arrived packed wrapped fits works holds lasts cleans folds charges pours feels looks ' +
  'daily weekend travel office kitchen garden winter summer morning evening commute hiking ' +
  'cooking reading running camping cycling gifting sister brother neighbour colleague'
).split(' ')

/**
 * An ordinary review text of random everyday words: no links, contacts, digits or profanity, and
 * different from every other review, so runs sharing the database never look like copies.
 */
export function ordinaryText(words = 30): string {
  const picked = Array.from({ length: words }, () => WORDS[randomInt(WORDS.length)] ?? 'fine')
  return `${picked.join(' ')}.`
}

/** Inserts an order of the user's in `status` containing one line of each product. */
export async function insertOrderOf(
  db: Db,
  userId: string,
  lines: { productId: string; sellerId: string }[],
  status: OrderStatus = 'delivered',
) {
  const order = await insertTestOrder(db, userId, { status })
  await db
    .insertInto('order_items')
    .values(
      lines.map((l) => ({
        order_id: order.id,
        seller_id: l.sellerId,
        product_id: l.productId,
        product_name: 'Reviewed product',
        sku: `SKU-${order.id}-${l.productId}`,
        unit_price_minor: 2_500,
        quantity: 1,
      })),
    )
    .execute()
  return order
}

/** Adds the seller's part (fulfilment) of an order, in `status`. */
export async function insertFulfillmentOf(
  db: Db,
  orderId: string,
  sellerId: string,
  status: FulfillmentStatus,
): Promise<void> {
  await db
    .insertInto('fulfillments')
    .values({ order_id: orderId, seller_id: sellerId, status })
    .execute()
}

/** A newly created customer signed in through the API. */
export async function signedInCustomer(
  api: RunningApi,
): Promise<{ id: string; browser: TestClient }> {
  const user = await createTestUser(api.deps.db)
  return { id: user.id, browser: await signIn(api.url, user.email, user.password) }
}

/** Moves the user's account creation back, as if they had signed up long ago. */
export async function ageAccount(db: Db, userId: string, days = 90): Promise<void> {
  await db
    .updateTable('users')
    .set({ created_at: new Date(Date.now() - days * 86_400_000) })
    .where('id', '=', userId)
    .execute()
}

/** An approved seller (with login) and one active product of theirs. */
export async function insertSellerProduct(db: Db) {
  const { user, seller } = await createTestSeller(db)
  const product = await db
    .insertInto('products')
    .values({
      seller_id: seller.id,
      name: `Reviewed product ${seller.slug}`,
      slug: `reviewed-${seller.slug}-${randomInt(1_000_000_000)}`,
      status: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { sellerUser: user, sellerId: seller.id, productId: product.id }
}

/** Inserts a review row straight in the database (for surroundings: bursts, rating history). */
export async function insertReviewRow(
  db: Db,
  productId: string,
  rating: number,
  options: { createdAt?: Date; status?: 'published' | 'held' | 'rejected' } = {},
) {
  const user = await createTestUser(db)
  return db
    .insertInto('reviews')
    .values({
      product_id: productId,
      user_id: user.id,
      rating,
      title: 'Earlier review',
      body: ordinaryText(),
      status: options.status ?? 'published',
      spam_score: 0,
      created_at: options.createdAt ?? new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Runs `fn` while holding the advisory lock the rating recompute takes for this product or seller:
 * a worker relay running meanwhile waits, so the test sees exactly what the write itself did.
 */
export async function whileRatingLocked<T>(
  db: Db,
  kind: 'product-rating' | 'seller-rating',
  id: string,
  fn: () => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${kind}), hashtext(${id}))`.execute(conn)
    try {
      return await fn()
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${kind}), hashtext(${id}))`.execute(conn)
    }
  })
}
