import { sql } from 'kysely'
import { productRating } from '@emporium/domain/reviews'
import type { Db } from '../client'

/**
 * Recomputes a product's rating aggregates from its published reviews and stores them in
 * `product_rating_summaries` and `products.rating_avg/rating_count` (what search indexes).
 * Recomputing (never incrementing) makes a repeat harmless; a per-product advisory lock taken
 * before reading means the last recompute to run sees every write committed before it started.
 * Returns whether anything search shows changed: the star counts, or the product's own average and
 * count (false also when the product is gone).
 */
export async function recomputeProductRating(db: Db, productId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('product-rating'), hashtext(${productId}))`.execute(
      trx,
    )
    const product = await trx
      .selectFrom('products')
      .select(['rating_avg', 'rating_count'])
      .where('id', '=', productId)
      .executeTakeFirst()
    if (!product) return false
    const before = await trx
      .selectFrom('product_rating_summaries')
      .select(['stars_1', 'stars_2', 'stars_3', 'stars_4', 'stars_5'])
      .where('product_id', '=', productId)
      .executeTakeFirst()
    const rows = await trx
      .selectFrom('reviews')
      .select(['rating', (eb) => eb.fn.countAll<string>().as('n')])
      .where('product_id', '=', productId)
      .where('status', '=', 'published')
      .groupBy('rating')
      .execute()
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0]
    for (const r of rows) counts[r.rating - 1] = Number(r.n)
    const rating = productRating(counts)
    const values = {
      review_count: rating.count,
      stars_1: counts[0],
      stars_2: counts[1],
      stars_3: counts[2],
      stars_4: counts[3],
      stars_5: counts[4],
      average: rating.average,
      bayesian_average: rating.bayesianAverage,
      wilson_score: rating.wilsonScore,
      updated_at: sql<Date>`now()`,
    }
    await trx
      .insertInto('product_rating_summaries')
      .values({ product_id: productId, ...values })
      .onConflict((oc) => oc.column('product_id').doUpdateSet(values))
      .execute()
    const ratingAvg = rating.average === null ? null : rating.average.toFixed(2)
    await trx
      .updateTable('products')
      .set({ rating_avg: ratingAvg, rating_count: rating.count })
      .where('id', '=', productId)
      .execute()
    const previous = before
      ? [before.stars_1, before.stars_2, before.stars_3, before.stars_4, before.stars_5]
      : [0, 0, 0, 0, 0]
    const productDrifted =
      product.rating_count !== rating.count ||
      (product.rating_avg === null ? null : Number(product.rating_avg).toFixed(2)) !== ratingAvg
    return !before || productDrifted || previous.some((n, i) => n !== counts[i])
  })
}

/** Recomputes a review's helpful count from its votes. */
export async function recomputeHelpfulCount(db: Db, reviewId: string): Promise<void> {
  await db
    .updateTable('reviews')
    .set((eb) => ({
      helpful_count: eb
        .selectFrom('review_votes')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('review_id', '=', reviewId)
        .where('helpful', '=', true),
    }))
    .where('id', '=', reviewId)
    .execute()
}

/** Recomputes a seller's rating aggregates from `seller_ratings` (same locking as products). */
export async function recomputeSellerRating(db: Db, sellerId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('seller-rating'), hashtext(${sellerId}))`.execute(
      trx,
    )
    const seller = await trx
      .selectFrom('sellers')
      .select('id')
      .where('id', '=', sellerId)
      .executeTakeFirst()
    if (!seller) return
    const row = await trx
      .selectFrom('seller_ratings')
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<number | null>`round(avg(shipping), 2)::float8`.as('shipping'),
        sql<number | null>`round(avg(accuracy), 2)::float8`.as('accuracy'),
        sql<number | null>`round(avg(communication), 2)::float8`.as('communication'),
        sql<number | null>`round(avg((shipping + accuracy + communication) / 3.0), 2)::float8`.as(
          'overall',
        ),
      ])
      .where('seller_id', '=', sellerId)
      .executeTakeFirstOrThrow()
    const values = {
      rating_count: row.n,
      shipping_average: row.shipping,
      accuracy_average: row.accuracy,
      communication_average: row.communication,
      overall_average: row.overall,
      updated_at: sql<Date>`now()`,
    }
    await trx
      .insertInto('seller_rating_summaries')
      .values({ seller_id: sellerId, ...values })
      .onConflict((oc) => oc.column('seller_id').doUpdateSet(values))
      .execute()
  })
}

/** Product ids after `afterId` (keyset), for a full recompute; `total` counts all products. */
export async function productIdsPage(
  db: Db,
  afterId: string | undefined,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom('products').select('id').orderBy('id').limit(limit)
  if (afterId) query = query.where('id', '>', afterId)
  return (await query.execute()).map((r) => r.id)
}

/** Number of products and of sellers, for a backfill's progress bar. */
export async function countRatedEntities(db: Db): Promise<{ products: number; sellers: number }> {
  const [p, s] = await Promise.all([
    db
      .selectFrom('products')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sellers')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { products: p.n, sellers: s.n }
}

/** Seller ids after `afterId` (keyset), for a full recompute. */
export async function sellerIdsPage(
  db: Db,
  afterId: string | undefined,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom('sellers').select('id').orderBy('id').limit(limit)
  if (afterId) query = query.where('id', '>', afterId)
  return (await query.execute()).map((r) => r.id)
}

/** Recomputes every review's helpful count from the votes in one statement; returns rows corrected. */
export async function recomputeAllHelpfulCounts(db: Db): Promise<number> {
  const result = await sql`
    update reviews r set helpful_count = coalesce(v.n, 0)
    from reviews r2
    left join (
      select review_id, count(*)::int as n from review_votes where helpful group by review_id
    ) v on v.review_id = r2.id
    where r.id = r2.id and r.helpful_count is distinct from coalesce(v.n, 0)
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
