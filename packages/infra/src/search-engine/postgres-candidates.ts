import { sql, type RawBuilder } from 'kysely'
import type { Db } from '@emporium/db'
import type { SearchQuery } from './types'

/**
 * The bounded candidate pipeline of the PostgreSQL engine.
 *
 * Ranking every match of a broad query ("phones" matches all 100,000 products of the scale
 * catalog) reads every matching row's tsvector, and counting facets over them groups every row:
 * seconds on a busy machine. Instead a query first takes its *candidates*: at most `window + 1`
 * matches in the cheap order `in_stock desc, popularity desc, id` (the btree index
 * `(in_stock desc, popularity desc, id)` of the search table). Only those are ranked in full
 * (ts_rank, phrase bonus, personal boost) and counted for facets.
 *
 * Two ways to find them, each bounded for the case it serves, chosen from the planner's estimates
 * of the matches and of the table's rows (taken first; the first is also the total shown for a
 * broad query):
 * 1. walk: read the most popular products along the btree, as many as should hold twice the
 *    window's matches at the estimated density, and keep the matches; when more than `window`
 *    match, these are exactly the first matches in the cheap order, found without touching the
 *    rest. Chosen when that walk reads fewer rows than there are matches (broad queries);
 * 2. otherwise, or when the walk finds too few (the estimate was wrong, or matches are rare among
 *    popular products): all matches via the GIN indexes, their ids sorted in the cheap order. The
 *    sort key is written so that the btree cannot serve it: the planner would otherwise walk the
 *    btree for a query it wrongly thinks is broad ("apple galaxy": 10 % estimated, a walk of most
 *    of the table).
 *
 * When a query has at most `window` matches, the candidates are all of them: ranking, total and
 * facets are exact. Above it, the page is ranked from the first `window` matches in the cheap order
 * (a relevant but unpopular match of a broad query can be missed; the Typesense engine re-ranks a
 * window for personalization in the same way), facets count those `window` matches, and the total
 * is the planner's estimate; the result says so in `approximate`.
 */
export interface CandidatePlan {
  /** The table, as an identifier. */
  table: RawBuilder<unknown>
  /** Conditions on alias `d`, all ANDed. */
  conds: RawBuilder<unknown>[]
  window: number
}

/**
 * How many of the most popular products to walk for a query (path 1), or undefined to go through
 * the GIN indexes (path 2): the walk that should meet twice the window's matches at the estimated
 * density, when it reads fewer rows than there are matches.
 */
export function walkLength(window: number, estimate: Estimate): number | undefined {
  if (estimate.matches <= 0 || estimate.tableRows <= 0) return undefined
  const rows = Math.ceil((2 * (window + 1) * estimate.tableRows) / estimate.matches)
  return rows < estimate.matches ? rows : undefined
}

/** The planner's estimates of a query's matches and of its table's rows. */
export interface Estimate {
  matches: number
  tableRows: number
}

/** The cheap order, on alias `d`; the btree `(in_stock desc, popularity desc, id)` serves it. */
export const CHEAP_ORDER = sql`d.in_stock desc, d.popularity desc, d.id`

/** The search table's btree for the cheap order (created with the table, or added when missing). */
export async function ensureCheapOrderIndex(db: Db, table: string): Promise<void> {
  const found = await sql<{ n: number }>`select count(*)::int as n from pg_indexes
    where schemaname = current_schema() and tablename = ${table}
      and indexdef like '%(in_stock DESC, popularity DESC, id)%'`.execute(db)
  if ((found.rows[0]?.n ?? 0) > 0) return
  await sql`create index on ${sql.id(table)} (in_stock desc, popularity desc, id)`.execute(db)
}

/**
 * CTEs `popular` and `c`: `c` holds the candidates (table columns) with `rn`, their position in the
 * cheap order (1-based). More than `window` rows in `c` means the query is broad. `walk`: how many
 * of the most popular products to walk first (path 1), or undefined for the GIN path only.
 */
export function candidateCtes(plan: CandidatePlan, walk: number | undefined): RawBuilder<unknown> {
  const where = plan.conds.length > 0 ? sql.join(plan.conds, sql` and `) : sql`true`
  const limit = plan.window + 1
  const popular =
    walk !== undefined
      ? sql`select d.* from (select * from ${plan.table} d order by ${CHEAP_ORDER}
        limit ${walk}) d where ${where} order by ${CHEAP_ORDER} limit ${limit}`
      : sql`select * from ${plan.table} where false`
  // The sparse path sorts ids only and then reads the winners' rows: sorting whole rows (the
  // tsvector is most of a row) cost more than finding the matches.
  return sql`popular as materialized (${popular}),
    sparse as (
      select d.id from ${plan.table} d
      where ${where} and (select count(*) from popular) <= ${plan.window}
      order by d.in_stock desc, d.popularity + 0 desc, d.id limit ${limit}),
    c as materialized (
      select m.*, row_number() over (order by m.in_stock desc, m.popularity desc, m.id) as rn
      from (
        select * from popular where (select count(*) from popular) > ${plan.window}
        union all
        select d.* from sparse join ${plan.table} d on d.id = sparse.id
      ) m)`
}

/** The planner's estimates (no rows read): matches are the total shown for a broad query. */
export async function estimateMatches(db: Db, plan: CandidatePlan): Promise<Estimate> {
  const where = plan.conds.length > 0 ? sql.join(plan.conds, sql` and `) : sql`true`
  const rowsOf = async (statement: RawBuilder<unknown>) => {
    const { rows } = await sql<{
      'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }]
    }>`explain (format json) ${statement}`.execute(db)
    return Math.round(rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0)
  }
  const [matches, tableRows] = await Promise.all([
    rowsOf(sql`select 1 from ${plan.table} d where ${where}`),
    rowsOf(sql`select 1 from ${plan.table} d`),
  ])
  return { matches, tableRows }
}

/** The conditions of a search's filters (and text, when `tsText`), on alias `d`. */
export function searchConditions(query: SearchQuery, tsText: string | undefined) {
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
  return conds
}
