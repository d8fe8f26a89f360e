import { stockBadge, type CurrencyCode } from '@emporium/domain'
import { LOW_STOCK_THRESHOLD, type ProductCard } from '@emporium/domain/catalog'
import { sql } from 'kysely'
import type { Db } from '../client'

/**
 * Cards of the given products that can be recommended now: active, of an approved store, priced in
 * `currency` and with stock available to sell. Returned in the order of `productIds`.
 */
export async function recommendableCards(
  db: Db,
  productIds: readonly string[],
  currency: CurrencyCode,
): Promise<ProductCard[]> {
  if (productIds.length === 0) return []
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .select((eb) => [
      'p.id',
      'p.slug',
      'p.name',
      'p.brand',
      'p.popularity',
      'p.rating_avg',
      'p.rating_count',
      'p.created_at',
      eb
        .selectFrom('product_variants as v')
        .innerJoin('prices as pr', 'pr.variant_id', 'v.id')
        .whereRef('v.product_id', '=', 'p.id')
        .where('pr.currency', '=', currency)
        .select(sql<number | null>`min(pr.amount_minor)::int`.as('m'))
        .as('price_minor'),
      eb
        .selectFrom('product_variants as v')
        .innerJoin('inventory_levels as il', 'il.variant_id', 'v.id')
        .whereRef('v.product_id', '=', 'p.id')
        .select(sql<number>`coalesce(sum(greatest(il.on_hand - il.reserved, 0)), 0)::int`.as('a'))
        .as('available'),
      eb
        .selectFrom('product_images as i')
        .whereRef('i.product_id', '=', 'p.id')
        .select('i.storage_key')
        .orderBy('i.position')
        .orderBy('i.id')
        .limit(1)
        .as('image_url'),
    ])
    .where('p.id', 'in', [...new Set(productIds)])
    .where('p.status', '=', 'active')
    .where('s.status', '=', 'approved')
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return productIds.flatMap((id) => {
    const r = byId.get(id)
    if (!r || r.price_minor === null || r.price_minor === undefined || !((r.available ?? 0) > 0))
      return []
    return [
      {
        id: r.id,
        slug: r.slug,
        name: r.name,
        brand: r.brand,
        price: { amount: Number(r.price_minor), currency },
        rating: {
          average: r.rating_avg === null ? null : Number(r.rating_avg),
          count: r.rating_count,
        },
        popularity: r.popularity,
        imageUrl: r.image_url ?? null,
        availability: stockBadge(r.available ?? 0, LOW_STOCK_THRESHOLD).status,
        createdAt: new Date(r.created_at).toISOString(),
      },
    ]
  })
}

/** Product ids of the given variants (unknown variants are skipped). */
export async function productIdsOfVariants(
  db: Db,
  variantIds: readonly string[],
): Promise<string[]> {
  if (variantIds.length === 0) return []
  const rows = await db
    .selectFrom('product_variants')
    .select('product_id')
    .distinct()
    .where('id', 'in', [...new Set(variantIds)])
    .execute()
  return rows.map((r) => r.product_id)
}
