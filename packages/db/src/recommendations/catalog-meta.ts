import { sql } from 'kysely'
import type { Db } from '../client'

/** What the content model knows about a product (the domain's ItemMeta). */
export interface ProductMeta {
  itemId: string
  category: string
  brand?: string
  priceMinor?: number
  text?: string
}

/** Category, brand, lowest price in `currency` and name + description of every active product of an approved store. */
export async function loadProductMeta(db: Db, currency: string): Promise<ProductMeta[]> {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select((eb) => [
      'p.id',
      'p.name',
      'p.description',
      'p.brand',
      'c.path',
      eb
        .selectFrom('product_variants as v')
        .innerJoin('prices as pr', 'pr.variant_id', 'v.id')
        .whereRef('v.product_id', '=', 'p.id')
        .where('pr.currency', '=', currency)
        .select(sql<number | null>`min(pr.amount_minor)::int`.as('m'))
        .as('price_minor'),
    ])
    .where('p.status', '=', 'active')
    .where('s.status', '=', 'approved')
    .orderBy('p.id')
    .execute()
  return rows.map((r) => ({
    itemId: r.id,
    // Uncategorised products share one bucket, so they still fall back to each other's best sellers.
    category: r.path ?? '',
    ...(r.brand ? { brand: r.brand } : {}),
    ...(r.price_minor !== null && r.price_minor !== undefined
      ? { priceMinor: Number(r.price_minor) }
      : {}),
    text: `${r.name} ${r.description}`,
  }))
}
