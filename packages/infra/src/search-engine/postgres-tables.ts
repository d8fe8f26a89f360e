import { sql } from 'kysely'
import type { Db } from '@emporium/db'
import { ensureCheapOrderIndex } from './postgres-candidates'
import { queryWords } from './ranking-rules'
import type { SearchDocument } from './types'

/** Refuses table names that are not plain lower-case identifiers (they are spliced into DDL). */
export function checkTableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name)) throw new Error(`Bad search table name: ${name}`)
  return name
}

/**
 * Creates the document table and its spelling dictionary `<name>_words` unless they exist; a table
 * made by an earlier version gets the columns and indexes added since (a reindex fills them).
 */
export async function createSearchTables(db: Db, name: string): Promise<void> {
  const t = sql.id(checkTableName(name))
  const words = sql.id(`${name}_words`)
  await db.transaction().execute(async (trx) => {
    // Two processes may create the same tables at once; serialise on the table name.
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx)
    const found = await sql<{
      oid: string | null
    }>`select to_regclass(${name})::text as oid`.execute(trx)
    if (found.rows[0]?.oid) {
      await sql`alter table ${t} add column if not exists rating_bayesian float8`.execute(trx)
      await ensureCheapOrderIndex(trx, name)
      return
    }
    await sql`create table ${t} (
      id uuid primary key,
      name text not null,
      slug text not null,
      brand text,
      category_path text,
      category_name text,
      category_paths text[] not null,
      seller_id uuid not null,
      prices jsonb not null,
      rating_avg float8,
      rating_count integer not null,
      rating_bayesian float8,
      popularity integer not null,
      in_stock boolean not null,
      created_at timestamptz not null,
      tsv tsvector not null)`.execute(trx)
    // Index names are left to Postgres, so a table built beside the live one never collides.
    await sql`create index on ${t} using gin (tsv)`.execute(trx)
    await sql`create index on ${t} using gin (category_paths)`.execute(trx)
    await ensureCheapOrderIndex(trx, name)
    await sql`create table ${words} (word text collate "C" primary key)`.execute(trx)
    await sql`create index on ${words} using gin (word gin_trgm_ops)`.execute(trx)
  })
}

/** Upserts documents (with their weighted tsvector) and adds their words to the dictionary. */
export async function upsertSearchRows(
  db: Db,
  name: string,
  docs: readonly SearchDocument[],
): Promise<void> {
  if (docs.length === 0) return
  const t = sql.id(checkTableName(name))
  const rows = docs.map((d) => ({
    id: d.id,
    name: d.name,
    slug: d.slug,
    brand: d.brand,
    category_path: d.categoryPath,
    category_name: d.categoryNames.at(-1) ?? null,
    category_paths: d.categoryPaths,
    category_text: d.categoryNames.join(' '),
    seller_id: d.sellerId,
    prices: d.prices,
    rating_avg: d.ratingAvg,
    rating_count: d.ratingCount,
    rating_bayesian: d.ratingBayesian,
    popularity: d.popularity,
    in_stock: d.inStock,
    created_at: d.createdAt.toISOString(),
    description: d.description,
    tags_text: d.tags.join(' '),
  }))
  await sql`insert into ${t} (id, name, slug, brand, category_path, category_name, category_paths,
      seller_id, prices, rating_avg, rating_count, rating_bayesian, popularity, in_stock, created_at,
      tsv)
    select d.id, d.name, d.slug, d.brand, d.category_path, d.category_name,
      array(select jsonb_array_elements_text(d.category_paths)), d.seller_id, d.prices,
      d.rating_avg, d.rating_count, d.rating_bayesian, d.popularity, d.in_stock, d.created_at,
      setweight(to_tsvector('english', unaccent(d.name)), 'A')
        || setweight(to_tsvector('english', unaccent(coalesce(d.brand, ''))), 'B')
        || setweight(to_tsvector('english', unaccent(d.category_text)), 'B')
        || setweight(to_tsvector('english', unaccent(d.description)), 'C')
        || setweight(to_tsvector('english', unaccent(d.tags_text)), 'C')
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(id uuid, name text, slug text,
      brand text, category_path text, category_name text, category_paths jsonb, category_text text,
      seller_id uuid, prices jsonb, rating_avg float8, rating_count integer, rating_bayesian float8,
      popularity integer,
      in_stock boolean, created_at timestamptz, description text, tags_text text)
    on conflict (id) do update set name = excluded.name, slug = excluded.slug,
      brand = excluded.brand, category_path = excluded.category_path,
      category_name = excluded.category_name, category_paths = excluded.category_paths,
      seller_id = excluded.seller_id, prices = excluded.prices, rating_avg = excluded.rating_avg,
      rating_count = excluded.rating_count, rating_bayesian = excluded.rating_bayesian,
      popularity = excluded.popularity,
      in_stock = excluded.in_stock, created_at = excluded.created_at, tsv = excluded.tsv`.execute(
    db,
  )
  const words = [
    ...new Set(
      docs.flatMap((d) => queryWords(`${d.name} ${d.brand ?? ''} ${d.categoryNames.join(' ')}`)),
    ),
  ].filter((w) => w.length >= 3 && !/^\d+$/.test(w))
  await sql`insert into ${sql.id(`${name}_words`)} (word)
    select unnest(${sql.val(words)}::text[]) on conflict do nothing`.execute(db)
}

/**
 * Swaps `<name>__next` and `<name>__next_words` in as `<name>` in one transaction. Queries arriving
 * meanwhile wait for the rename's lock, then resolve the name again and read the new table.
 */
export async function swapSearchTables(db: Db, name: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pairs: [string, string][] = [
      [`${name}__next`, name],
      [`${name}__next_words`, `${name}_words`],
    ]
    for (const [next, live] of pairs) {
      await sql`drop table if exists ${sql.id(`${live}__old`)}`.execute(trx)
      await sql`alter table if exists ${sql.id(live)} rename to ${sql.id(`${live}__old`)}`.execute(
        trx,
      )
      await sql`alter table ${sql.id(next)} rename to ${sql.id(live)}`.execute(trx)
      await sql`drop table if exists ${sql.id(`${live}__old`)}`.execute(trx)
    }
  })
}
