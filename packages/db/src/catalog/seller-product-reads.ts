import { sql } from 'kysely'
import type { Db } from '../client'
import type { Price, Product, ProductStatus, ProductVariant } from '../schema'

/** A product with its category path, options, variants and prices. */
export interface ProductDetails {
  product: Product
  categoryPath: string | null
  options: { name: string; values: string[] }[]
  variants: (ProductVariant & { prices: Price[] })[]
}

/** A product of `sellerId` in any status, with everything the seller may edit; undefined if not theirs. */
export async function findSellerProduct(
  db: Db,
  sellerId: string,
  productId: string,
): Promise<ProductDetails | undefined> {
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', productId)
    .where('seller_id', '=', sellerId)
    .executeTakeFirst()
  if (!product) return undefined
  const [category, options, values, variants, prices] = await Promise.all([
    product.category_id === null
      ? undefined
      : db
          .selectFrom('categories')
          .select('path')
          .where('id', '=', product.category_id)
          .executeTakeFirst(),
    db
      .selectFrom('product_options')
      .selectAll()
      .where('product_id', '=', product.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('product_option_values as ov')
      .innerJoin('product_options as o', 'o.id', 'ov.option_id')
      .select(['ov.option_id', 'ov.value'])
      .where('o.product_id', '=', product.id)
      .orderBy('ov.position')
      .execute(),
    db
      .selectFrom('product_variants')
      .selectAll()
      .where('product_id', '=', product.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('prices')
      .innerJoin('product_variants as v', 'v.id', 'prices.variant_id')
      .selectAll('prices')
      .where('v.product_id', '=', product.id)
      .orderBy('prices.currency')
      .execute(),
  ])
  return {
    product,
    categoryPath: category?.path ?? null,
    options: options.map((o) => ({
      name: o.name,
      values: values.filter((v) => v.option_id === o.id).map((v) => v.value),
    })),
    variants: variants.map((v) => ({ ...v, prices: prices.filter((p) => p.variant_id === v.id) })),
  }
}

/** A row of a seller's product list, with the exact creation time as text for the page cursor. */
export type SellerProductRow = Product & { variant_count: number; cursor_created_at: string }

/** A seller's products (all statuses, or one), newest first, after the keyset cursor. */
export function listSellerProducts(
  db: Db,
  sellerId: string,
  options: {
    status?: ProductStatus | undefined
    after?: { createdAt: string; id: string } | undefined
    limit: number
  },
): Promise<SellerProductRow[]> {
  let query = db
    .selectFrom('products as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('product_variants as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.product_id', '=', 'p.id')
        .as('variant_count'),
      sql<string>`p.created_at::text`.as('cursor_created_at'),
    ])
    .where('p.seller_id', '=', sellerId)
  if (options.status) query = query.where('p.status', '=', options.status)
  if (options.after) {
    const { createdAt, id } = options.after
    query = query.where(
      sql<boolean>`(p.created_at, p.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
    )
  }
  return query
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(options.limit)
    .execute() as Promise<SellerProductRow[]>
}
