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
