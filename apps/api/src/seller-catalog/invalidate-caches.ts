import type { Db } from '@emporium/db'
import type { ApiDeps } from '../deps'

type Deps = Pick<ApiDeps, 'db' | 'catalog'>

/**
 * Call after a catalog write commits: the shopper-facing cached pages of these products, and the
 * listings of their categories (plus any category they just left), are dropped on every API instance.
 */
export async function invalidateProducts(
  deps: Deps,
  productIds: readonly string[],
  previousCategoryIds: readonly (number | null)[] = [],
): Promise<void> {
  if (productIds.length === 0) return
  const rows = await deps.db
    .selectFrom('products')
    .select(['id', 'category_id'])
    .where('id', 'in', [...productIds])
    .execute()
  const previous = previousCategoryIds.filter((id): id is number => id !== null)
  for (const row of rows) {
    const categories = row.category_id === null ? previous : [row.category_id, ...previous]
    await deps.catalog.invalidateProduct(row.id, categories)
  }
}

/** The category a product is in now (to invalidate its old listing after a move). */
export async function currentCategoryId(db: Db, productId: string): Promise<number | null> {
  const row = await db
    .selectFrom('products')
    .select('category_id')
    .where('id', '=', productId)
    .executeTakeFirst()
  return row?.category_id ?? null
}

/** Products owning these SKUs (bulk price changes name SKUs). */
export async function productIdsOfSkus(db: Db, skus: readonly string[]): Promise<string[]> {
  if (skus.length === 0) return []
  const rows = await db
    .selectFrom('product_variants')
    .select('product_id')
    .distinct()
    .where('sku', 'in', [...skus])
    .execute()
  return rows.map((r) => r.product_id)
}
