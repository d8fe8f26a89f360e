import type { ReviewSort } from '@emporium/domain/reviews'
import { sql } from 'kysely'
import type { Db } from '../client'
import type { ProductRatingSummary } from '../schema'

/** One published review as listed to shoppers, with its author's display name. */
export interface ListedReview {
  id: string
  product_id: string
  rating: number
  title: string
  body: string
  photo_keys: string[]
  verified_purchase: boolean
  helpful_count: number
  seller_reply: string | null
  seller_replied_at: Date | null
  created_at: Date
  updated_at: Date
  author_name: string | null
  /** Whether the viewer passed to the list wrote this review (false for signed-out viewers). */
  mine: boolean
}

/** A page of the product's published reviews in the chosen order, optionally only one star value. */
export async function listPublishedReviews(
  db: Db,
  args: {
    productId: string
    sort: ReviewSort
    stars?: number
    limit: number
    offset: number
    /** The signed-in viewer, whose own review is flagged `mine`. */
    viewerId?: string
  },
): Promise<ListedReview[]> {
  let query = db
    .selectFrom('reviews as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.product_id',
      'r.rating',
      'r.title',
      'r.body',
      'r.photo_keys',
      'r.verified_purchase',
      'r.helpful_count',
      'r.seller_reply',
      'r.seller_replied_at',
      'r.created_at',
      'r.updated_at',
      'u.display_name as author_name',
      // Compared in the database so no reviewer id leaves it.
      args.viewerId === undefined
        ? sql<boolean>`false`.as('mine')
        : sql<boolean>`r.user_id = ${args.viewerId}`.as('mine'),
    ])
    .where('r.product_id', '=', args.productId)
    .where('r.status', '=', 'published')
  if (args.stars !== undefined) query = query.where('r.rating', '=', args.stars)
  switch (args.sort) {
    case 'most_helpful':
      query = query.orderBy('r.helpful_count', 'desc').orderBy('r.created_at', 'desc')
      break
    case 'newest':
      query = query.orderBy('r.created_at', 'desc')
      break
    case 'highest_rating':
      query = query.orderBy('r.rating', 'desc').orderBy('r.created_at', 'desc')
      break
    case 'lowest_rating':
      query = query.orderBy('r.rating', 'asc').orderBy('r.created_at', 'desc')
      break
  }
  // The id breaks ties so pages never overlap or skip.
  return query.orderBy('r.id').limit(args.limit).offset(args.offset).execute()
}

/** The product's stored rating aggregates, if the handler has computed them. */
export async function findProductRatingSummary(
  db: Db,
  productId: string,
): Promise<ProductRatingSummary | undefined> {
  return db
    .selectFrom('product_rating_summaries')
    .selectAll()
    .where('product_id', '=', productId)
    .executeTakeFirst()
}

/** Whether a product with this id exists (any status). */
export async function productExists(db: Db, productId: string): Promise<boolean> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .executeTakeFirst()
  return row !== undefined
}

/** Active products best-rated first by Bayesian average (then review count), optionally one seller's. */
export async function listTopRatedProducts(
  db: Db,
  args: { sellerId?: string; limit: number },
): Promise<(ProductRatingSummary & { name: string; slug: string })[]> {
  let query = db
    .selectFrom('product_rating_summaries as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .selectAll('s')
    .select(['p.name', 'p.slug'])
    .where('p.status', '=', 'active')
    .where('s.review_count', '>', 0)
  if (args.sellerId) query = query.where('p.seller_id', '=', args.sellerId)
  return query
    .orderBy('s.bayesian_average', 'desc')
    .orderBy('s.review_count', 'desc')
    .orderBy('s.product_id')
    .limit(args.limit)
    .execute()
}
