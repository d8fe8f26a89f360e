import type { Db } from '../client'
import { loadSeedCatalog, type SeedCatalog } from './catalog-data'
import { seedDemoUsers } from './demo-users'
import { seedReferenceData, seedSellers } from './reference-data'
import { seedCategories, seedProducts } from './seed-catalog'

export { DEMO_USERS, ARGON2_OPTIONS, type DemoUser } from './demo-users'
export { DEMO_SELLERS, DEMO_WAREHOUSES } from './reference-data'
export {
  loadSeedCatalog,
  SEED_CATALOG_FILE,
  type SeedCatalog,
  type SeedProduct,
} from './catalog-data'

/** Options of `seedDatabase`. */
export interface SeedOptions {
  /** Catalog to load; defaults to the committed `seed-data/catalog.json`. */
  catalog?: SeedCatalog
  /** Load only the first N products (tests use a small slice). */
  productLimit?: number
  /** Called once before products are written, with their count. */
  onStart?: (total: number) => void
  /** Called after each batch with the number of products written so far. */
  onProgress?: (done: number) => void
}

/** What a seed run wrote (upserted rows; a re-run reports the same numbers). */
export interface SeedSummary {
  categories: number
  products: number
  variants: number
}

/** Loads demo users, stores, warehouses, taxes, coupons and the catalog; safe to run again (upserts). */
export async function seedDatabase(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const catalog = options.catalog ?? (await loadSeedCatalog())
  const products = catalog.products.slice(0, options.productLimit ?? catalog.products.length)
  const usedPaths = new Set(
    products.flatMap((p) =>
      p.categoryPath.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  )
  const categories = catalog.categories.filter((c) => usedPaths.has(c.path))

  const userIds = await seedDemoUsers(db)
  await db.transaction().execute(async (trx) => {
    const sellers = await seedSellers(trx, userIds)
    const warehouseIds = await seedReferenceData(trx)
    const categoryIds = await seedCategories(trx, categories)
    options.onStart?.(products.length)
    await seedProducts(
      trx,
      products,
      { categories: categoryIds, sellers, warehouseIds },
      options.onProgress,
    )
  })
  return {
    categories: categories.length,
    products: products.length,
    variants: products.reduce((n, p) => n + p.variants.length, 0),
  }
}

/** True when the catalog has no products yet (first run of `npm start`). */
export async function isCatalogEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('products').select('id').limit(1).executeTakeFirst()
  return row === undefined
}
