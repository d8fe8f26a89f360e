import { sql } from 'kysely'
import type { Db } from '../client'

/** What a cart needs to know about one variant: names, image, prices per currency, stock. */
export interface CartVariant {
  variantId: string
  sku: string
  variantTitle: string
  productId: string
  productName: string
  /** True when the product is on sale: status `active`, sold by an approved (not suspended) store. */
  purchasable: boolean
  /** Storage key or absolute URL of the first image (variant image first), if any. */
  imageKey: string | null
  /** Price in minor units, keyed by currency code. */
  prices: Record<string, number>
  /** Sum over warehouses of on hand minus reserved; never below zero. */
  available: number
}

/** Loads cart facts for the given variants (read-only); unknown ids are simply absent from the map. */
export async function findCartVariants(
  db: Db,
  variantIds: readonly string[],
): Promise<Map<string, CartVariant>> {
  const result = new Map<string, CartVariant>()
  if (variantIds.length === 0) return result
  const rows = await db
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .select([
      'v.id as variantId',
      'v.sku',
      'v.title as variantTitle',
      'p.id as productId',
      'p.name as productName',
      'p.status',
      's.status as sellerStatus',
    ])
    .select((eb) => [
      eb
        .selectFrom('product_images as i')
        .select('i.storage_key')
        .whereRef('i.product_id', '=', 'p.id')
        .where((w) => w.or([w('i.variant_id', '=', w.ref('v.id')), w('i.variant_id', 'is', null)]))
        .orderBy(sql`i.variant_id is null`)
        .orderBy('i.position')
        .orderBy('i.id')
        .limit(1)
        .as('imageKey'),
      eb
        .selectFrom('inventory_levels as l')
        .select(sql<number>`coalesce(sum(greatest(l.on_hand - l.reserved, 0)), 0)::int`.as('n'))
        .whereRef('l.variant_id', '=', 'v.id')
        .as('available'),
    ])
    .where('v.id', 'in', [...variantIds])
    .execute()
  const prices = await db
    .selectFrom('prices')
    .select(['variant_id', 'currency', 'amount_minor'])
    .where('variant_id', 'in', [...variantIds])
    .execute()
  for (const row of rows) {
    result.set(row.variantId, {
      variantId: row.variantId,
      sku: row.sku,
      variantTitle: row.variantTitle,
      productId: row.productId,
      productName: row.productName,
      purchasable: row.status === 'active' && row.sellerStatus === 'approved',
      imageKey: row.imageKey ?? null,
      prices: {},
      available: Number(row.available ?? 0),
    })
  }
  for (const price of prices) {
    const variant = result.get(price.variant_id)
    if (variant) variant.prices[price.currency] = price.amount_minor
  }
  return result
}
