import { stockBadge, type CurrencyCode } from '@emporium/domain'
import { LOW_STOCK_THRESHOLD, type ProductView } from '@emporium/domain/catalog'
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Db } from '../client'

/** A product page before its category breadcrumbs are added (they come from the category tree). */
export type ProductDetail = Omit<ProductView, 'category' | 'breadcrumbs'> & {
  categoryId: number | null
}

/** Which product: by id or by slug. */
export type ProductKey = { id: string } | { slug: string }

const availability = (available: number) => ({
  available,
  stock: stockBadge(available, LOW_STOCK_THRESHOLD),
})
const iso = (value: Date | string): string => new Date(value).toISOString()
const rating = (avg: string | number | null, count: number) => ({
  average: avg === null ? null : Number(avg),
  count,
})

/**
 * An active product of an approved seller with variants (price in `currency`, stock summed over
 * warehouses), options, images and the seller card (its rating from the seller's rating summary),
 * in ONE query; undefined for drafts, archived products, suspended sellers and unknown keys.
 */
export async function findProductDetail(
  db: Db,
  key: ProductKey,
  currency: CurrencyCode,
): Promise<ProductDetail | undefined> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .leftJoin('seller_rating_summaries as sr', 'sr.seller_id', 's.id')
    .where('p.status', '=', 'active')
    .where('s.status', '=', 'approved')
    .$if('id' in key, (q) => q.where('p.id', '=', 'id' in key ? key.id : ''))
    .$if('slug' in key, (q) => q.where('p.slug', '=', 'slug' in key ? key.slug : ''))
    .select((eb) => [
      'p.id',
      'p.slug',
      'p.name',
      'p.description',
      'p.brand',
      'p.attributes',
      'p.tags',
      'p.rating_avg',
      'p.rating_count',
      'p.category_id',
      'p.created_at',
      'p.updated_at',
      's.store_name',
      's.slug as seller_slug',
      // The store's rating is the summary the worker keeps (eventually consistent), never an
      // average of every rating row on each view; no summary yet reads as unrated.
      'sr.overall_average as seller_rating_avg',
      'sr.rating_count as seller_rating_count',
      jsonArrayFrom(
        eb
          .selectFrom('product_variants as v')
          .leftJoin('prices as pr', (j) =>
            j.onRef('pr.variant_id', '=', 'v.id').on('pr.currency', '=', currency),
          )
          .whereRef('v.product_id', '=', 'p.id')
          .select((e) => [
            'v.id',
            'v.sku',
            'v.title',
            'v.option_values',
            'pr.amount_minor',
            'pr.compare_at_minor',
            e
              .selectFrom('inventory_levels as il')
              .whereRef('il.variant_id', '=', 'v.id')
              .select(
                sql<number>`coalesce(sum(greatest(il.on_hand - il.reserved, 0)), 0)::int`.as('a'),
              )
              .as('available'),
          ])
          .orderBy('v.position')
          .orderBy('v.id'),
      ).as('variants'),
      jsonArrayFrom(
        eb
          .selectFrom('product_options as o')
          .whereRef('o.product_id', '=', 'p.id')
          .select((e) => [
            'o.name',
            jsonArrayFrom(
              e
                .selectFrom('product_option_values as ov')
                .whereRef('ov.option_id', '=', 'o.id')
                .select('ov.value')
                .orderBy('ov.position')
                .orderBy('ov.id'),
            ).as('values'),
          ])
          .orderBy('o.position')
          .orderBy('o.id'),
      ).as('options'),
      jsonArrayFrom(
        eb
          .selectFrom('product_images as i')
          .whereRef('i.product_id', '=', 'p.id')
          .select(['i.storage_key', 'i.variant_id', 'i.alt_text', 'i.width', 'i.height'])
          .orderBy('i.position')
          .orderBy('i.id'),
      ).as('images'),
    ])
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    brand: row.brand,
    attributes: row.attributes,
    tags: row.tags,
    rating: rating(row.rating_avg, row.rating_count),
    categoryId: row.category_id,
    options: row.options.map((o) => ({ name: o.name, values: o.values.map((v) => v.value) })),
    variants: row.variants.map((v) => ({
      ...availability(v.available ?? 0),
      id: v.id,
      sku: v.sku,
      title: v.title,
      optionValues: v.option_values,
      price: v.amount_minor === null ? null : { amount: Number(v.amount_minor), currency },
      compareAtPrice:
        v.compare_at_minor === null ? null : { amount: Number(v.compare_at_minor), currency },
    })),
    images: row.images.map((i) => ({
      url: i.storage_key,
      variantId: i.variant_id,
      altText: i.alt_text,
      width: i.width,
      height: i.height,
    })),
    seller: {
      storeName: row.store_name,
      slug: row.seller_slug,
      rating: rating(row.seller_rating_avg, row.seller_rating_count ?? 0),
    },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}
