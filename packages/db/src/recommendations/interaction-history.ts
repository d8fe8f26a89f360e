import type { Db } from '../client'

/** Order statuses that mean the customer paid: a purchase for recommendations. */
export const PURCHASED_ORDER_STATUSES = [
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'partially_refunded',
  'refunded',
] as const

/** One purchase or view, as the recommendation job reads it (`id` is the keyset cursor). */
export interface HistoryRow {
  id: number
  userId: string
  productId: string
  /** The order a purchase belongs to (items bought together); absent for views. */
  orderId?: string
  /** ISO-8601 time of the payment or view. */
  at: string
}

/** The next `limit` purchased order lines after order item id `afterId`, oldest id first. */
export async function readPurchaseBatch(
  db: Db,
  afterId: number,
  limit: number,
): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('order_items as oi')
    .innerJoin('orders as o', 'o.id', 'oi.order_id')
    .select(['oi.id', 'o.user_id', 'oi.product_id', 'o.id as order_id', 'o.paid_at', 'o.placed_at'])
    .where('oi.id', '>', afterId)
    .where('oi.product_id', 'is not', null)
    .where('o.status', 'in', PURCHASED_ORDER_STATUSES)
    .orderBy('oi.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    productId: r.product_id ?? '',
    orderId: r.order_id,
    at: new Date(r.paid_at ?? r.placed_at).toISOString(),
  }))
}

/** The next `limit` product views after view id `afterId`, oldest id first. */
export async function readViewBatch(db: Db, afterId: number, limit: number): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('product_views')
    .select(['id', 'user_id', 'product_id', 'viewed_at'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    productId: r.product_id,
    at: new Date(r.viewed_at).toISOString(),
  }))
}

/** Records that a signed-in shopper opened a product page. */
export async function recordProductView(db: Db, userId: string, productId: string): Promise<void> {
  await db.insertInto('product_views').values({ user_id: userId, product_id: productId }).execute()
}

/** Products the user has paid for (any of `productIds` when given, else all). */
export async function boughtProductIds(
  db: Db,
  userId: string,
  productIds?: readonly string[],
): Promise<Set<string>> {
  if (productIds?.length === 0) return new Set()
  const rows = await db
    .selectFrom('order_items as oi')
    .innerJoin('orders as o', 'o.id', 'oi.order_id')
    .select('oi.product_id')
    .distinct()
    .where('o.user_id', '=', userId)
    .where('o.status', 'in', PURCHASED_ORDER_STATUSES)
    .where('oi.product_id', 'is not', null)
    .$if(productIds !== undefined, (q) => q.where('oi.product_id', 'in', productIds ?? []))
    .execute()
  return new Set(rows.flatMap((r) => (r.product_id === null ? [] : [r.product_id])))
}
