import { randomUUID } from 'node:crypto'
import type { Db } from '@emporium/db'
import { insertTestStock, insertTestUser, insertTestWarehouse } from '@emporium/db/testing'
import { productRating } from '@emporium/domain/reviews'

/** One product to insert for a search test. */
export interface FixtureProduct {
  name: string
  brand: string
  /** Child category slug under the run's root category. */
  category: 'phones' | 'accessories'
  priceMinor?: number
  stock?: number
  status?: 'active' | 'archived' | 'draft'
  /** Average shown without review rows (as imported ratings are), counted as 10 ratings. */
  rating?: number
  /** Published reviews per star (index 0 = 1★), stored as the review aggregates store them. */
  stars?: [number, number, number, number, number]
  popularity?: number
}

/** A seller and a category tree (`<root>/phones`, `<root>/accessories`) of one test run. */
export interface FixtureCatalog {
  sellerId: string
  root: string
  warehouseId: number
  categoryIds: Record<FixtureProduct['category'], number>
}

/** Creates an approved seller, a warehouse and a unique category tree for one test run. */
export async function createFixtureCatalog(db: Db): Promise<FixtureCatalog> {
  const run = randomUUID().slice(0, 8)
  const owner = await insertTestUser(db, 'seller')
  const seller = await db
    .insertInto('sellers')
    .values({
      user_id: owner.id,
      store_name: `Search store ${run}`,
      slug: `search-store-${run}`,
      contact_email: owner.email,
      payout_currency: 'USD',
      status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const root = `search-${run}`
  const rootRow = await db
    .insertInto('categories')
    .values({ slug: root, path: root, name: `Search ${run}`, depth: 0 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const child = async (slug: string, name: string) =>
    (
      await db
        .insertInto('categories')
        .values({ parent_id: rootRow.id, slug, path: `${root}/${slug}`, name, depth: 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  return {
    sellerId: seller.id,
    root,
    warehouseId: await insertTestWarehouse(db, 'US'),
    categoryIds: {
      phones: await child('phones', 'Cell Phones'),
      accessories: await child('accessories', 'Accessories'),
    },
  }
}

/** Inserts a product with one variant, its USD price (if any) and stock; returns the product id. */
export async function insertFixtureProduct(
  db: Db,
  catalog: FixtureCatalog,
  p: FixtureProduct,
): Promise<string> {
  const key = randomUUID()
  const rated = p.stars ? productRating(p.stars) : undefined
  const product = await db
    .insertInto('products')
    .values({
      seller_id: catalog.sellerId,
      category_id: catalog.categoryIds[p.category],
      name: p.name,
      slug: `search-${key}`,
      brand: p.brand,
      description: `${p.name}. Sold by the search test store.`,
      status: p.status ?? 'active',
      rating_avg: rated ? (rated.average ?? 0).toFixed(2) : (p.rating?.toFixed(2) ?? null),
      rating_count: rated ? rated.count : p.rating === undefined ? 0 : 10,
      popularity: p.popularity ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const variant = await db
    .insertInto('product_variants')
    .values({ product_id: product.id, sku: `SEARCH-${key}`, title: 'Default' })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (p.priceMinor !== undefined) {
    await db
      .insertInto('prices')
      .values({ variant_id: variant.id, currency: 'USD', amount_minor: p.priceMinor })
      .execute()
  }
  await insertTestStock(db, variant.id, catalog.warehouseId, p.stock ?? 0)
  if (p.stars && rated) {
    const [s1, s2, s3, s4, s5] = p.stars
    await db
      .insertInto('product_rating_summaries')
      .values({
        product_id: product.id,
        review_count: rated.count,
        stars_1: s1,
        stars_2: s2,
        stars_3: s3,
        stars_4: s4,
        stars_5: s5,
        average: rated.average,
        bayesian_average: rated.bayesianAverage,
        wilson_score: rated.wilsonScore,
      })
      .execute()
  }
  return product.id
}
