import { sql, type RawBuilder } from 'kysely'
import type { Db } from '@emporium/db'
import {
  createSearchTables,
  checkTableName,
  swapSearchTables,
  upsertSearchRows,
} from './postgres-tables'
import { spellQuery, tsQueryText } from './postgres-spelling'
import {
  AFFINITY_BOOST,
  byCount,
  cumulativeRatings,
  PRICE_BAND_BOUNDS,
  priceBand,
  queryWords,
  sortPriceBands,
} from './ranking-rules'
import { allSearchDocuments } from './search-documents'
import type {
  AutocompleteResult,
  ReindexProgress,
  SearchDocument,
  SearchEngine,
  SearchQuery,
  SearchResult,
  SearchSort,
} from './types'

/** Added to the relevance (0..1) of a document holding the query's words as a phrase. */
const PHRASE_BONUS = 0.25

const ORDER: Record<SearchSort, RawBuilder<unknown>> = {
  relevance: sql`score desc, popularity desc`,
  price_asc: sql`price asc`,
  price_desc: sql`price desc`,
  rating: sql`rating_avg desc nulls last, rating_count desc`,
  newest: sql`created_at desc`,
  popularity: sql`popularity desc`,
}

interface HitRow {
  id: string
  name: string
  slug: string
  brand: string | null
  category_path: string | null
  price_text: string
  rating_avg: number | null
  in_stock: boolean
  score: number
  total: string
}

/**
 * Search in PostgreSQL: a weighted tsvector (name A, brand and category B, description and tags C)
 * ranked with ts_rank, typo tolerance by expanding unknown words to dictionary words within an edit
 * budget (candidates found with pg_trgm), unaccent on both sides, facets as GROUP BY counts over the
 * filtered set, and personalization as an additive boost in the ORDER BY. `reindex` fills
 * `<table>__next` and renames it over the live table in one transaction.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const
  private readonly table: string

  constructor(
    private readonly db: Db,
    options: { table?: string } = {},
  ) {
    this.table = checkTableName(options.table ?? 'search_documents')
  }

  private readyOnce: Promise<void> | undefined

  /** Creates the index on first use, so a fresh install serves (empty) results before any reindex. */
  private whenReady(): Promise<void> {
    this.readyOnce ??= this.ensureReady().catch((error: unknown) => {
      this.readyOnce = undefined
      throw error
    })
    return this.readyOnce
  }

  async ensureReady(): Promise<void> {
    await createSearchTables(this.db, this.table)
  }

  async index(docs: readonly SearchDocument[]): Promise<void> {
    await this.whenReady()
    await upsertSearchRows(this.db, this.table, docs)
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await sql`delete from ${sql.id(this.table)} where id = any(${sql.val([...ids])}::uuid[])`.execute(
      this.db,
    )
  }

  async reindex(onProgress?: (p: ReindexProgress) => void): Promise<{ indexed: number }> {
    const next = `${this.table}__next`
    await sql`drop table if exists ${sql.id(next)}, ${sql.id(`${next}_words`)}`.execute(this.db)
    await createSearchTables(this.db, next)
    let indexed = 0
    let done = 0
    for await (const page of allSearchDocuments(this.db)) {
      await upsertSearchRows(this.db, next, page.docs)
      indexed += page.docs.length
      done += page.scanned
      onProgress?.({ done, total: page.total })
    }
    await swapSearchTables(this.db, this.table)
    return { indexed }
  }

  /**
   * The filtered set of a query as a CTE body, scored when `scored` (the page of hits) and not when
   * only counted (facets): ts_rank reads every matching row's whole tsvector and the phrase check
   * parses another tsquery per row, which dominated broad queries at 100,000 products while facet
   * counts never look at the score.
   */
  private matched(
    query: SearchQuery,
    tsText: string | undefined,
    scored: boolean,
  ): RawBuilder<unknown> {
    const f = query.filters
    const conds: RawBuilder<unknown>[] = [sql`d.prices ? ${query.currency}`]
    if (tsText) conds.push(sql`d.tsv @@ to_tsquery('english', ${tsText})`)
    if (f.brands?.length) conds.push(sql`d.brand = any(${sql.val(f.brands)}::text[])`)
    if (f.categoryPath) conds.push(sql`d.category_paths @> array[${f.categoryPath}]::text[]`)
    const price = sql`(d.prices ->> ${query.currency})::bigint`
    if (f.priceMin !== undefined) conds.push(sql`${price} >= ${f.priceMin}`)
    if (f.priceMax !== undefined) conds.push(sql`${price} <= ${f.priceMax}`)
    if (f.ratingMin !== undefined) conds.push(sql`d.rating_avg >= ${f.ratingMin}`)
    if (f.inStock !== undefined) conds.push(sql`d.in_stock = ${f.inStock}`)
    if (f.sellerIds?.length) conds.push(sql`d.seller_id = any(${sql.val(f.sellerIds)}::uuid[])`)
    // Words typed in order and side by side in one field (a category name, a model) beat the same
    // words scattered over the document: a fixed bonus for a phrase match of the query as typed.
    const rank =
      tsText && scored
        ? sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, to_tsquery('english', ${tsText}), 32)
          + ${PHRASE_BONUS}::float8 * (d.tsv @@ phraseto_tsquery('english', unaccent(${query.q})))::int`
        : sql`0`
    const p = query.personalization
    const boost =
      p && scored
        ? sql`${AFFINITY_BOOST} * (
          coalesce((select max((${JSON.stringify(p.categoryAffinity)}::jsonb ->> c)::float8)
            from unnest(d.category_paths) c), 0)
          + coalesce((${JSON.stringify(p.brandAffinity)}::jsonb ->> d.brand)::float8, 0))`
        : sql`0`
    return sql`select d.*, ${price} as price, (${rank} + ${boost})::float8 as score
      from ${sql.id(this.table)} d where ${sql.join(conds, sql` and `)}`
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.whenReady()
    const spelled = await spellQuery(this.db, this.table, query.q)
    const tsText = spelled.words.length > 0 ? tsQueryText(spelled) : undefined
    const matched = this.matched(query, tsText, true)
    const unscored = this.matched(query, tsText, false)
    const offset = (query.page - 1) * query.perPage
    // The page and the facet counts are independent statements: run them on two pooled connections
    // at once rather than one after the other.
    const [hits, facets] = await Promise.all([
      sql<HitRow>`with m as (${matched})
      select id, name, slug, brand, category_path, price::text as price_text, rating_avg, in_stock, score,
        count(*) over ()::text as total
      from m order by in_stock desc, ${ORDER[query.sort]}, id
      limit ${query.perPage} offset ${offset}`.execute(this.db),
      sql<{ f: string; v: string; n: string }>`with m as (${unscored})
      select 'brand' as f, brand as v, count(*)::text as n from m where brand is not null group by brand
      union all select 'category', c, count(*)::text from m, unnest(m.category_paths) c group by c
      union all select 'price', width_bucket(price, ${sql.val([...PRICE_BAND_BOUNDS])}::bigint[])::text,
        count(*)::text from m group by 2
      union all select 'rating', floor(rating_avg)::int::text, count(*)::text from m
        where rating_avg is not null group by 2
      union all select 'stock', in_stock::text, count(*)::text from m group by in_stock
      union all select 'seller', seller_id::text, count(*)::text from m group by seller_id`.execute(
        this.db,
      ),
    ])
    const of = (name: string) =>
      facets.rows.filter((r) => r.f === name).map((r) => ({ value: r.v, count: Number(r.n) }))
    const bandOf = (bucket: string) => {
      const i = Number(bucket)
      return priceBand(i === 0 ? 0 : (PRICE_BAND_BOUNDS[i - 1] ?? 0))
    }
    let total = hits.rows.length > 0 ? Number(hits.rows[0]?.total) : 0
    if (hits.rows.length === 0 && offset > 0) {
      const counted = await sql<{
        n: string
      }>`with m as (${unscored}) select count(*)::text as n from m`.execute(this.db)
      total = Number(counted.rows[0]?.n ?? 0)
    }
    return {
      hits: hits.rows.map((r) => ({
        productId: r.id,
        name: r.name,
        slug: r.slug,
        brand: r.brand,
        categoryPath: r.category_path,
        priceMinor: Number(r.price_text),
        currency: query.currency,
        ratingAvg: r.rating_avg,
        inStock: r.in_stock,
        score: r.score,
      })),
      total,
      facets: {
        brand: byCount(of('brand')).slice(0, 50),
        category: byCount(of('category')).slice(0, 100),
        price_range: sortPriceBands(
          of('price').map((b) => ({ value: bandOf(b.value), count: b.count })),
        ),
        rating: cumulativeRatings(new Map(of('rating').map((r) => [Number(r.value), r.count]))),
        in_stock: byCount(of('stock')),
        seller: byCount(of('seller')).slice(0, 50),
      },
      didYouMean: total < 3 ? spelled.suggestion : undefined,
    }
  }

  async autocomplete(prefix: string, limit: number): Promise<AutocompleteResult> {
    await this.whenReady()
    const words = queryWords(prefix)
    if (words.length === 0) return { products: [], categories: [] }
    const tsText = words.map((w) => `${w}:*`).join(' & ')
    const t = sql.id(this.table)
    const match = sql`d.tsv @@ to_tsquery('english', ${tsText})`
    const products = await sql<{ id: string; name: string; slug: string }>`
      select d.id, d.name, d.slug from ${t} d where ${match}
      order by ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, to_tsquery('english', ${tsText}), 32) desc,
        d.popularity desc, d.id limit ${limit}`.execute(this.db)
    const categories = await sql<{ path: string; name: string; n: string }>`
      select d.category_path as path, min(d.category_name) as name, count(*)::text as n
      from ${t} d where ${match} and d.category_path is not null
      group by d.category_path order by count(*) desc, d.category_path limit ${limit}`.execute(
      this.db,
    )
    return {
      products: products.rows.map((r) => ({ productId: r.id, name: r.name, slug: r.slug })),
      categories: categories.rows.map((r) => ({ path: r.path, name: r.name, count: Number(r.n) })),
    }
  }
}
