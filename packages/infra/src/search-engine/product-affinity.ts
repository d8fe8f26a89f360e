import type { Db } from '@emporium/db'
import type { Redis } from '../redis'
import { AFFINITY_WEIGHTS, recordAffinity } from './affinity'

/** A purchase counts once per order; the marker outlives the affinity itself. */
const PURCHASE_MARKER_TTL_S = 180 * 24 * 3600

/** Category path and brand of each product (unknown ids are skipped). */
async function productSignals(
  db: Db,
  productIds: readonly string[],
): Promise<{ categoryPath: string | null; brand: string | null }[]> {
  if (productIds.length === 0) return []
  return db
    .selectFrom('products as p')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select(['c.path as categoryPath', 'p.brand'])
    .where('p.id', 'in', [...new Set(productIds)])
    .execute()
}

/** Adds `weight` to the shopper's affinity for each product's category and brand. */
export async function recordProductAffinity(
  db: Db,
  redis: Redis,
  userId: string,
  productIds: readonly string[],
  weight: number,
): Promise<void> {
  for (const signal of await productSignals(db, productIds))
    await recordAffinity(redis, userId, signal, weight)
}

/** Records that a signed-in shopper put a product in their cart. */
export function recordCartAddAffinity(
  db: Db,
  redis: Redis,
  userId: string,
  productId: string,
): Promise<void> {
  return recordProductAffinity(db, redis, userId, [productId], AFFINITY_WEIGHTS.cartAdd)
}

/**
 * Records the purchase affinity of a paid order: each product of the order counts once for the
 * order's customer. Idempotent per order (safe to call from a retried activity); returns false when
 * the order was already counted or does not exist.
 */
export async function recordPurchaseAffinity(
  db: Db,
  redis: Redis,
  orderId: string,
): Promise<boolean> {
  const order = await db
    .selectFrom('orders')
    .select('user_id')
    .where('id', '=', orderId)
    .executeTakeFirst()
  if (!order) return false
  const marker = `affinity:order:${orderId}`
  const fresh = await redis.set(marker, '1', 'EX', PURCHASE_MARKER_TTL_S, 'NX')
  if (fresh !== 'OK') return false
  try {
    const items = await db
      .selectFrom('order_items')
      .select('product_id')
      .where('order_id', '=', orderId)
      .where('product_id', 'is not', null)
      .execute()
    const productIds = items.flatMap((i) => (i.product_id ? [i.product_id] : []))
    await recordProductAffinity(db, redis, order.user_id, productIds, AFFINITY_WEIGHTS.purchase)
    return true
  } catch (error) {
    // Let a retry count the order instead of losing it.
    await redis.del(marker)
    throw error
  }
}
