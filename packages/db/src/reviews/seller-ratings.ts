import { sql } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import type { SellerRating, SellerRatingSummary } from '../schema'
import { lineWasDelivered } from './received-items'

/** Aggregate type of seller-rating events in the outbox; `aggregate_id` is the seller id. */
export const SELLER_RATING_AGGREGATE = 'seller_rating'

/** Why a seller rating was refused. */
export type SellerRatingRefusal = 'not_eligible' | 'already_rated'

/**
 * Records the buyer's rating of a seller for one order, with a `seller_rating.created` outbox event.
 * Only the buyer may rate, once the seller's items of the order were delivered, once per order and
 * seller (DB-unique).
 */
export async function insertSellerRating(
  trx: Db,
  userId: string,
  rating: {
    orderId: string
    sellerId: string
    shipping: number
    accuracy: number
    communication: number
    comment: string | null
  },
): Promise<SellerRating | SellerRatingRefusal> {
  const eligible = await trx
    .selectFrom('orders as o')
    .innerJoin('order_items as oi', 'oi.order_id', 'o.id')
    .select(sql.lit(1).as('one'))
    .where('o.id', '=', rating.orderId)
    .where('o.user_id', '=', userId)
    .where('oi.seller_id', '=', rating.sellerId)
    .where(lineWasDelivered)
    .limit(1)
    .executeTakeFirst()
  if (!eligible) return 'not_eligible'
  const row = await trx
    .insertInto('seller_ratings')
    .values({
      order_id: rating.orderId,
      seller_id: rating.sellerId,
      user_id: userId,
      shipping: rating.shipping,
      accuracy: rating.accuracy,
      communication: rating.communication,
      comment: rating.comment,
    })
    .onConflict((oc) => oc.constraint('seller_ratings_order_seller_key').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) return 'already_rated'
  await recordOutboxEvent(trx, {
    aggregateType: SELLER_RATING_AGGREGATE,
    aggregateId: rating.sellerId,
    eventType: 'seller_rating.created',
    payload: { sellerId: rating.sellerId, orderId: rating.orderId, ratingId: row.id },
  })
  return row
}

/** A seller of one of the user's orders, as the order page offers them for rating. */
export interface OrderSellerToRate {
  sellerId: string
  storeName: string
  delivered: boolean
  rated: { shipping: number; accuracy: number; communication: number } | null
}

/** The sellers of the user's order (none if it is not theirs), with delivery and the user's rating. */
export async function listOrderSellersToRate(
  db: Db,
  userId: string,
  orderId: string,
): Promise<OrderSellerToRate[]> {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('order_items as oi', 'oi.order_id', 'o.id')
    .innerJoin('sellers as s', 's.id', 'oi.seller_id')
    .leftJoin('seller_ratings as r', (j) =>
      j.onRef('r.order_id', '=', 'o.id').onRef('r.seller_id', '=', 'oi.seller_id'),
    )
    .select((eb) => [
      'oi.seller_id',
      's.store_name',
      lineWasDelivered(eb).as('delivered'),
      'r.shipping',
      'r.accuracy',
      'r.communication',
    ])
    .where('o.id', '=', orderId)
    .where('o.user_id', '=', userId)
    .orderBy('s.store_name')
    .orderBy('oi.seller_id')
    .execute()
  const bySeller = new Map<string, OrderSellerToRate>()
  for (const row of rows) {
    // Every line of one seller shares the seller's delivery and rating: keep the first.
    if (bySeller.has(row.seller_id)) continue
    bySeller.set(row.seller_id, {
      sellerId: row.seller_id,
      storeName: row.store_name,
      delivered: Boolean(row.delivered),
      rated:
        row.shipping !== null && row.accuracy !== null && row.communication !== null
          ? { shipping: row.shipping, accuracy: row.accuracy, communication: row.communication }
          : null,
    })
  }
  return [...bySeller.values()]
}

/** The seller's stored rating aggregates, if the handler has computed them. */
export async function findSellerRatingSummary(
  db: Db,
  sellerId: string,
): Promise<SellerRatingSummary | undefined> {
  return db
    .selectFrom('seller_rating_summaries')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .executeTakeFirst()
}

/** Whether a seller with this id exists. */
export async function sellerExists(db: Db, sellerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sellers')
    .select('id')
    .where('id', '=', sellerId)
    .executeTakeFirst()
  return row !== undefined
}
