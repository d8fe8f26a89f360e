import type { Db } from '../client'

/** The lines of an order as a mail lists them: name, quantity, line total in minor units. */
export async function findOrderMailLines(db: Db, orderId: string) {
  const rows = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select(['i.product_name', 'i.quantity', 'i.unit_price_minor', 'o.currency'])
    .where('i.order_id', '=', orderId)
    .orderBy('i.id')
    .execute()
  return rows.map((r) => ({
    name: r.product_name,
    quantity: r.quantity,
    lineTotalMinor: r.unit_price_minor * r.quantity,
    currency: r.currency,
  }))
}

/** A review with its product and the seller's reply, for the reply notification. */
export async function findReviewReplyContext(db: Db, reviewId: string) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .select([
      'r.id',
      'r.user_id',
      'r.seller_reply',
      'p.id as productId',
      'p.name as productName',
      'p.slug',
    ])
    .where('r.id', '=', reviewId)
    .executeTakeFirst()
}

/** The store name and owning user of a seller, for seller alerts. */
export async function findSellerOwner(db: Db, sellerId: string) {
  return db
    .selectFrom('sellers')
    .select(['id', 'user_id', 'store_name'])
    .where('id', '=', sellerId)
    .executeTakeFirst()
}

/** The cart an order was checked out from, if it recorded one. */
export async function findOrderCartId(db: Db, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('orders')
    .select('cart_id')
    .where('id', '=', orderId)
    .executeTakeFirst()
  return row?.cart_id ?? null
}
