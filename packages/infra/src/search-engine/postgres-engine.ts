import { sql, type RawBuilder } from 'kysely'
import type { Db } from '@emporium/db'
import {
  candidateCtes,
  CHEAP_ORDER,
  estimateMatches,
  type Estimate,
  searchConditions,
  walkLength,
  type CandidatePlan,
} from './postgres-candidates'
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

/** Matches ranked in full and counted for facets per query (see postgres-candidates.ts). */
export const CANDIDATE_WINDOW = 500

/**
 * "Best rated" is the Bayesian average (few reviews cannot outrank many), then the review count;
 * products without reviews come last. Rows indexed before the column existed have no Bayesian
 * average until a reindex and sort by their plain average meanwhile.
 */
const RATING_ORDER = (alias: RawBuilder<unknown>) =>
  sql`coalesce(${alias}.rating_bayesian, ${alias}.rating_avg) desc nulls last,
    ${alias}.rating_count desc`

/** Sorts over the ranked candidates `s` (column `score` and `price` computed). */
const ORDER: Record<SearchSort, RawBuilder<unknown>> = {
  relevance: sql`score desc, popularity desc`,
  price_asc: sql`price asc`,
  price_desc: sql`price desc`,
  rating: RATING_ORDER(sql`s`),
  newest: sql`created_at desc`,
  popularity: sql`popularity desc`,
}

/** The same sorts (relevance aside) over the whole table, alias `d`. */
const orderOverTable = (sort: Exclude<SearchSort, 'relevance'>, currency: string) => {
  const price = sql`(d.prices ->> ${currency})::bigint`
  const order: Record<Exclude<SearchSort, 'relevance'>, RawBuilder<unknown>> = {
    price_asc: sql`${price} asc`,
    price_desc: sql`${price} desc`,
    rating: RATING_ORDER(sql`d`),
    newest: sql`d.created_at desc`,
    popularity: sql`d.popularity desc`,
  }
  return order[sort]
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
}

interface FacetRow {
  f: string
  v: string
  n: number
}

/** Facet counts over the candidate window of CTE `c` (`rn` ≤ window: all matches when few). */
function facetCounts(window: number, currency: string): RawBuilder<unknown> {
  return sql`with w as (select c.*, (c.prices ->> ${currency})::bigint as price from c
      where c.rn <= ${window})
    select 'brand' as f, brand as v, count(*)::int as n from w where brand is not null group by brand
    union all select 'category', cp, count(*)::int from w, unnest(w.category_paths) cp group by cp
    union all select 'price', width_bucket(price, ${sql.val([...PRICE_BAND_BOUNDS])}::bigint[])::text,
      count(*)::int from w group by 2
    union all select 'rating', floor(rating_avg)::int::text, count(*)::int from w
      where rating_avg is not null group by 2
    union all select 'stock', in_stock::text, count(*)::int from w group by in_stock
    union all select 'seller', seller_id::text, count(*)::int from w group by seller_id`
}

/**
 * Search in PostgreSQL: a weighted tsvector (name A, brand and category B, description and tags C)
 * ranked with ts_rank, typo tolerance by expanding unknown words to dictionary words within an edit
 * budget (candidates found with pg_trgm), unaccent on both sides, facets as GROUP BY counts, and
 * personalization as an additive boost. Ranking and facets work on a bounded candidate set, exact
 * for queries with at most `candidateWindow` matches (see postgres-candidates.ts). `reindex` fills
 * `<table>__next` and renames it over the live table in one transaction.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const
  private readonly table: string
  private readonly window: number
  private readonly candidatePath: 'walk' | 'gin' | undefined

  /**
   * `candidateWindow`: matches ranked in full and counted for facets; `candidatePath` forces one
   * way of finding them instead of choosing by the estimates (see postgres-candidates.ts).
   */
  constructor(
    private readonly db: Db,
    options: { table?: string; candidateWindow?: number; candidatePath?: 'walk' | 'gin' } = {},
  ) {
    this.table = checkTableName(options.table ?? 'search_documents')
    this.window = options.candidateWindow ?? CANDIDATE_WINDOW
    this.candidatePath = options.candidatePath
  }

  /** Rows to walk for a query's candidates, or undefined for the GIN path. */
  private walk(estimate: Estimate): number | undefined {
    if (this.candidatePath === 'gin') return undefined
    if (this.candidatePath === 'walk') return estimate.tableRows + this.window
    return walkLength(this.window, estimate)
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
    // Statistics before serving: the candidate path is chosen from the planner's estimates.
    await sql`analyze ${sql.id(next)}`.execute(this.db)
    await swapSearchTables(this.db, this.table)
    return { indexed }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.whenReady()
    const spelled = await spellQuery(this.db, this.table, query.q)
    const tsText = spelled.words.length > 0 ? tsQueryText(spelled) : undefined
    const plan = {
      table: sql.id(this.table),
      conds: searchConditions(query, tsText),
      window: this.window,
    }
    const estimate = await estimateMatches(this.db, plan)
    const offset = (query.page - 1) * query.perPage
    const order = query.sort === 'relevance' ? sql`score desc, popularity desc` : ORDER[query.sort]
    const main = await sql<{ n: number; hits: HitRow[]; facets: FacetRow[] }>`
      with ${candidateCtes(plan, this.walk(estimate))},
      s as (select c.*, (c.prices ->> ${query.currency})::bigint as price,
        (${this.score(query, tsText, sql`c`)})::float8 as score
        from c where c.rn <= ${this.window})
      select (select count(*) from c)::int as n,
        (select coalesce(json_agg(h order by h.ord), '[]') from (
          select id, name, slug, brand, category_path, price::text as price_text, rating_avg,
            in_stock, score, row_number() over (order by in_stock desc, ${order}, id) as ord
          from s order by in_stock desc, ${order}, id
          limit ${query.perPage} offset ${offset}) h) as hits,
        (select coalesce(json_agg(fc), '[]') from (${facetCounts(this.window, query.currency)}) fc) as facets`.execute(
      this.db,
    )
    const row = main.rows[0] ?? { n: 0, hits: [], facets: [] }
    const broad = row.n > this.window
    let hits = row.hits
    let total = row.n
    if (broad) {
      // More matches than candidates: the page comes from the whole match set unless the ranked
      // window covers it, and the total is estimated (counting would read every match).
      const rest = await this.pageBeyondWindow(query, plan, tsText, offset)
      if (rest) hits = query.sort === 'relevance' ? [...hits, ...rest] : rest
      total = Math.max(estimate.matches, row.n)
    }
    const of = (name: string) =>
      row.facets.filter((r) => r.f === name).map((r) => ({ value: r.v, count: r.n }))
    const bandOf = (bucket: string) => {
      const i = Number(bucket)
      return priceBand(i === 0 ? 0 : (PRICE_BAND_BOUNDS[i - 1] ?? 0))
    }
    return {
      hits: hits.map((r) => ({
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
      ...(broad ? { approximate: { facetWindow: this.window } } : {}),
    }
  }

  /**
   * Relevance of a row of `alias`: ts_rank plus a phrase bonus (words typed in order and side by
   * side in one field, a category name or a model, beat the same words scattered over the
   * document) plus the shopper's affinity boost.
   */
  private score(
    query: SearchQuery,
    tsText: string | undefined,
    alias: RawBuilder<unknown>,
  ): RawBuilder<unknown> {
    const rank = tsText
      ? sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${alias}.tsv, to_tsquery('english', ${tsText}), 32)
          + ${PHRASE_BONUS}::float8
            * (${alias}.tsv @@ phraseto_tsquery('english', unaccent(${query.q})))::int`
      : sql`0`
    const p = query.personalization
    const boost = p
      ? sql`${AFFINITY_BOOST} * (
          coalesce((select max((${JSON.stringify(p.categoryAffinity)}::jsonb ->> cp)::float8)
            from unnest(${alias}.category_paths) cp), 0)
          + coalesce((${JSON.stringify(p.brandAffinity)}::jsonb ->> ${alias}.brand)::float8, 0))`
      : sql`0`
    return sql`${rank} + ${boost}`
  }

  /**
   * The part of a broad query's page the ranked window does not hold: for relevance, the matches
   * after the window in the cheap order (so pages continue without repeats); for the other sorts,
   * the page in that order over every match. Undefined when the window holds the whole page.
   */
  private async pageBeyondWindow(
    query: SearchQuery,
    plan: CandidatePlan,
    tsText: string | undefined,
    offset: number,
  ): Promise<HitRow[] | undefined> {
    const end = offset + query.perPage
    if (query.sort === 'relevance' && end <= this.window) return undefined
    const from = query.sort === 'relevance' ? Math.max(this.window, offset) : offset
    const order =
      query.sort === 'relevance'
        ? CHEAP_ORDER
        : sql`d.in_stock desc, ${orderOverTable(query.sort, query.currency)}, d.id`
    const { rows } = await sql<HitRow>`
      select d.id, d.name, d.slug, d.brand, d.category_path,
        (d.prices ->> ${query.currency})::bigint::text as price_text, d.rating_avg, d.in_stock,
        (${this.score(query, tsText, sql`d`)})::float8 as score
      from ${plan.table} d where ${sql.join(plan.conds, sql` and `)}
      order by ${order} limit ${end - from} offset ${from}`.execute(this.db)
    return rows
  }

  /**
   * Products and categories for a prefix, from the same bounded candidates as a search: a prefix of
   * two letters matches most of a catalog. For a prefix with more matches than the window, the
   * products are the best text matches among the window and the category counts are the window's
   * counts scaled to the estimated number of matches.
   */
  async autocomplete(prefix: string, limit: number): Promise<AutocompleteResult> {
    await this.whenReady()
    const words = queryWords(prefix)
    if (words.length === 0) return { products: [], categories: [] }
    const tsText = words.map((w) => `${w}:*`).join(' & ')
    const plan = {
      table: sql.id(this.table),
      conds: [sql`d.tsv @@ to_tsquery('english', ${tsText})`],
      window: this.window,
    }
    const estimate = await estimateMatches(this.db, plan)
    const { rows } = await sql<{
      n: number
      products: { id: string; name: string; slug: string }[]
      categories: { path: string; name: string; n: number }[]
    }>`
      with ${candidateCtes(plan, this.walk(estimate))},
      w as (select * from c where c.rn <= ${this.window})
      select (select count(*) from c)::int as n,
        (select coalesce(json_agg(p order by p.ord), '[]') from (
          select id, name, slug, row_number() over (order by
            ts_rank('{0.1, 0.2, 0.4, 1.0}', tsv, to_tsquery('english', ${tsText}), 32) desc,
            popularity desc, id) as ord
          from w order by ord limit ${limit}) p) as products,
        (select coalesce(json_agg(k order by k.n desc, k.path), '[]') from (
          select category_path as path, min(category_name) as name, count(*)::int as n
          from w where category_path is not null
          group by category_path order by count(*) desc, category_path limit ${limit}) k)
          as categories`.execute(this.db)
    const row = rows[0] ?? { n: 0, products: [], categories: [] }
    const scale = row.n > this.window ? Math.max(estimate.matches, row.n) / this.window : 1
    return {
      products: row.products.map((r) => ({ productId: r.id, name: r.name, slug: r.slug })),
      categories: row.categories.map((r) => ({
        path: r.path,
        name: r.name,
        count: Math.round(r.n * scale),
      })),
    }
  }
}
