import { sql } from 'kysely'
import type { Db } from '@emporium/db'
import { DEFAULT_RATING_PRIOR } from '@emporium/domain/reviews'
import type { SearchDocument } from './types'

interface DocumentRow {
  id: string
  name: string
  slug: string
  brand: string | null
  description: string
  tags: string[]
  seller_id: string
  status: string
  rating_avg: string | null
  rating_count: number
  rating_bayesian: number | null
  popularity: number
  created_at: Date
  category_path: string | null
  category_names: string[] | null
  prices: Record<string, number> | null
  in_stock: boolean
}

/** Every ancestor path of a slash-joined path, root first, the path itself last. */
export function ancestorPaths(path: string | null): string[] {
  if (!path) return []
  const parts = path.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/**
 * Reads the current state of the given products. `docs` holds the sellable ones (active, with at
 * least one price); `gone` the rest (archived, draft, unpriced or deleted), to remove from the index.
 */
export async function loadSearchDocuments(
  db: Db,
  productIds: readonly string[],
): Promise<{ docs: SearchDocument[]; gone: string[] }> {
  if (productIds.length === 0) return { docs: [], gone: [] }
  const prior = DEFAULT_RATING_PRIOR
  const { rows } = await sql<DocumentRow>`
    select p.id, p.name, p.slug, p.brand, p.description, p.tags, p.seller_id, p.status,
      p.rating_avg::text as rating_avg, p.rating_count, p.popularity, p.created_at,
      -- The reviews' Bayesian average; a product rated without review rows (imported ratings)
      -- gets the same formula over its average and count. Null without any rating.
      case when p.rating_count > 0 then coalesce(s.bayesian_average,
        (${prior.mean}::float8 * ${prior.weight} + p.rating_avg::float8 * p.rating_count)
          / (${prior.weight} + p.rating_count)) end as rating_bayesian,
      c.path as category_path,
      (select array_agg(a.name order by a.depth) from categories a
        where c.path = a.path or c.path like a.path || '/%') as category_names,
      (select jsonb_object_agg(x.currency, x.amount) from (
        select pr.currency, min(pr.amount_minor) as amount
        from product_variants v join prices pr on pr.variant_id = v.id
        where v.product_id = p.id group by pr.currency) x) as prices,
      exists (select 1 from product_variants v
        join inventory_levels il on il.variant_id = v.id
        where v.product_id = p.id and il.on_hand - il.reserved > 0) as in_stock
    from products p left join categories c on c.id = p.category_id
      left join product_rating_summaries s on s.product_id = p.id
    where p.id = any(${sql.val([...productIds])}::uuid[])`.execute(db)
  const docs: SearchDocument[] = []
  for (const r of rows) {
    if (r.status !== 'active' || !r.prices || Object.keys(r.prices).length === 0) continue
    docs.push({
      id: r.id,
      name: r.name,
      slug: r.slug,
      brand: r.brand,
      description: r.description,
      tags: r.tags,
      sellerId: r.seller_id,
      categoryPath: r.category_path,
      categoryPaths: ancestorPaths(r.category_path),
      categoryNames: r.category_names ?? [],
      prices: Object.fromEntries(Object.entries(r.prices).map(([c, a]) => [c, Number(a)])),
      ratingAvg: r.rating_avg === null ? null : Number(r.rating_avg),
      ratingCount: r.rating_count,
      ratingBayesian: r.rating_bayesian,
      popularity: r.popularity,
      inStock: r.in_stock,
      createdAt: r.created_at,
    })
  }
  const kept = new Set(docs.map((d) => d.id))
  return { docs, gone: productIds.filter((id) => !kept.has(id)) }
}

/** Reads every sellable product in pages of `pageSize` (keyset on id), reporting the total first. */
export async function* allSearchDocuments(
  db: Db,
  pageSize = 500,
): AsyncGenerator<{ docs: SearchDocument[]; scanned: number; total: number }> {
  const { count } = await db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  const total = Number(count)
  let after: string | undefined
  for (;;) {
    let q = db
      .selectFrom('products')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(pageSize)
    if (after !== undefined) q = q.where('id', '>', after)
    const ids = (await q.execute()).map((r) => r.id)
    if (ids.length === 0) return
    after = ids.at(-1)
    const { docs } = await loadSearchDocuments(db, ids)
    yield { docs, scanned: ids.length, total }
  }
}
