import { stockBadge } from '@emporium/domain'
import {
  decodeListingCursor,
  encodeListingCursor,
  LOW_STOCK_THRESHOLD,
  type ListingSort,
  type ListProductsQuery,
  type ProductListing,
} from '@emporium/domain/catalog'
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../client'

// Each sort is one key plus the id as tie-breaker, both in the same direction, so a row-value
// comparison `(key, id) < (cursor.key, cursor.id)` finds exactly the rows after the cursor. Keys are
// values a concurrent insert cannot take away from an existing row, so pages never repeat or skip a
// row that existed when paging started; newer rows sort first under `newest` and are simply not seen.
const SORT_KEYS: Record<ListingSort, { key: RawBuilder<unknown>; dir: 'asc' | 'desc' }> = {
  // Micro-seconds since 1970: exact as integer text, unlike a JS Date (milliseconds).
  newest: { key: sql`(extract(epoch from p.created_at) * 1000000)::bigint`, dir: 'desc' },
  price_asc: { key: sql`mp.price_minor`, dir: 'asc' },
  price_desc: { key: sql`mp.price_minor`, dir: 'desc' },
  popularity: { key: sql`p.popularity`, dir: 'desc' },
  rating: { key: sql`coalesce(p.rating_avg, 0)`, dir: 'desc' },
}

/**
 * One page of active products of approved sellers in a category and its descendants, priced in
 * `query.currency` (products without a price in it are left out), filtered and keyset-paginated.
 */
export async function listCatalogProducts(
  db: Db,
  query: ListProductsQuery,
): Promise<ProductListing> {
  const { key, dir } = SORT_KEYS[query.sort]
  const cursor = query.cursor === undefined ? null : decodeListingCursor(query.cursor)
  if (query.cursor !== undefined && cursor?.sort !== query.sort)
    throw new RangeError('The listing cursor does not belong to this sort order')

  const inner = db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('product_variants as v')
          .innerJoin('prices as pr', 'pr.variant_id', 'v.id')
          .whereRef('v.product_id', '=', 'p.id')
          .where('pr.currency', '=', query.currency)
          .select((e) => e.fn.min('pr.amount_minor').as('price_minor'))
          .as('mp'),
      (join) => join.onTrue(),
    )
    .where('p.status', '=', 'active')
    .where('s.status', '=', 'approved')
    .where('mp.price_minor', 'is not', null)
    .$if(query.categoryPath !== undefined, (q) =>
      q.where('p.category_id', 'in', (eb) =>
        eb
          .selectFrom('categories as c')
          .select('c.id')
          .where((e) =>
            e.or([
              e('c.path', '=', query.categoryPath ?? ''),
              // Paths are [a-z0-9-] and '/', so nothing in them is a LIKE wildcard.
              e('c.path', 'like', `${query.categoryPath ?? ''}/%`),
            ]),
          ),
      ),
    )
    .$if((query.brands ?? []).length > 0, (q) => q.where('p.brand', 'in', query.brands ?? []))
    .$if(query.minPrice !== undefined, (q) => q.where('mp.price_minor', '>=', query.minPrice ?? 0))
    .$if(query.maxPrice !== undefined, (q) => q.where('mp.price_minor', '<=', query.maxPrice ?? 0))
    .$if(query.attributes !== undefined && Object.keys(query.attributes).length > 0, (q) =>
      q.where(sql<boolean>`p.attributes @> ${JSON.stringify(query.attributes)}::jsonb`),
    )
    .select((eb) => [
      'p.id',
      'p.slug',
      'p.name',
      'p.brand',
      'p.popularity',
      'p.rating_avg',
      'p.rating_count',
      'p.created_at',
      'mp.price_minor',
      key.as('sort_key'),
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

  const op = dir === 'asc' ? sql.raw('>') : sql.raw('<')
  const rows = await db
    .selectFrom(inner.as('l'))
    .selectAll()
    .$if(query.inStockOnly, (q) => q.where('l.available', '>', 0))
    .$if(cursor !== null, (q) =>
      q.where(
        sql<boolean>`(l.sort_key, l.id) ${op} (${cursor?.key ?? '0'}::numeric, ${cursor?.id ?? ''}::uuid)`,
      ),
    )
    .orderBy('l.sort_key', dir)
    .orderBy('l.id', dir)
    .limit(query.limit + 1)
    .execute()

  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      brand: r.brand,
      price: { amount: Number(r.price_minor), currency: query.currency },
      rating: {
        average: r.rating_avg === null ? null : Number(r.rating_avg),
        count: r.rating_count,
      },
      popularity: r.popularity,
      imageUrl: r.image_url ?? null,
      availability: stockBadge(r.available ?? 0, LOW_STOCK_THRESHOLD).status,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeListingCursor({ sort: query.sort, key: String(last.sort_key), id: last.id })
        : null,
  }
}
