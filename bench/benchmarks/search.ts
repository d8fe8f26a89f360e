import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { startApiServer } from '@emporium/api'
import type { Db } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import {
  createSearchClient,
  PostgresSearchEngine,
  TypesenseSearchEngine,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type TypesenseClient,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { BESTBUY_DIR, readCatalog, toSearchDocuments } from '../lib/bestbuy-catalog'
import { printTable, writeResult } from '../lib/results'
import { generateScaleCatalog } from '../lib/scale-catalog'
import { benchmarkQueries } from '../lib/search-queries'

// Search latency and indexing throughput, both engines, two catalogs:
// - bestbuy: the 3,291 real Best Buy products (the largest real catalog with searchable text);
// - scale: `--scale-count` (default 100,000) products recombined from it (bench/lib/scale-catalog.ts).
// Each (catalog, engine) pair gets its own index (Postgres tables `bench_search_<run>_<catalog>`,
// Typesense aliases `bench_<run>_<catalog>_*` on the test stack), dropped at the end.
// Indexing: engine.index() in batches of `--batch` documents built in memory (the catalog is not
// written to the products table; a reindex's read of the catalog is not included).
// Latency: the fixed query mix (bench/lib/search-queries.ts), one query at a time, after one untimed
// pass over the whole mix (so both timed passes see the same warm caches): first straight on the
// engine, then through a running API (`search.products` over HTTP, anonymous,
// the API's engine pointed at the same index). Every query asks for page 1 of 24, relevance order,
// USD, all facets, "did you mean" when it finds fewer than 3. `approximate_queries`: answers with an
// estimated total and facets over the candidate window (the PostgreSQL engine's broad queries).
// The machine's load averages at start and end are written beside the figures.
// Usage: npm run bench -- search [--scale-count <n>] [--batch <n>]

interface Args {
  scaleCount: number
  batch: number
}

function parseArgs(args: string[]): Args {
  const out: Args = { scaleCount: 100_000, batch: 1_000 }
  for (let i = 0; i < args.length; i += 2) {
    const value = Number(args[i + 1])
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${args[i]} needs a positive integer`)
    if (args[i] === '--scale-count') out.scaleCount = value
    else if (args[i] === '--batch') out.batch = value
    else throw new Error(`Unknown option ${args[i]}; use --scale-count <n>, --batch <n>`)
  }
  return out
}

/** The value at quantile `q` of `values` (nearest rank). */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = Math.max(0, Math.ceil(q * sorted.length) - 1)
  return Number((sorted[at] ?? 0).toFixed(3))
}

const searchOf = (q: string): SearchQuery => ({
  q,
  filters: {},
  sort: 'relevance',
  currency: 'USD',
  page: 1,
  perPage: 24,
})

const searchPath = (q: string) =>
  `/trpc/search.products?input=${encodeURIComponent(JSON.stringify({ q, perPage: 24 }))}`

/** Load averages over 1, 5 and 15 minutes (2 decimals). */
const loadAverages = () => os.loadavg().map((l) => Number(l.toFixed(2)))

/** An isolated, empty index of one engine, what to run once it is loaded, and how to drop it. */
interface BenchIndex {
  engine: SearchEngine
  afterLoad?: () => Promise<void>
  drop: () => Promise<void>
}

async function postgresIndex(db: Db, table: string): Promise<BenchIndex> {
  const engine = new PostgresSearchEngine(db, { table })
  await engine.ensureReady()
  return {
    engine,
    // As a reindex does before its swap: the engine picks its candidate path from the planner's
    // estimates, which need statistics.
    afterLoad: async () => {
      await sql`analyze ${sql.id(table)}`.execute(db)
    },
    drop: async () => {
      await sql`drop table if exists ${sql.id(table)}, ${sql.id(`${table}_words`)}`.execute(db)
    },
  }
}

async function typesenseIndex(
  client: TypesenseClient,
  db: Db,
  prefix: string,
): Promise<BenchIndex> {
  const engine = new TypesenseSearchEngine(client, db, { prefix })
  await engine.ensureReady()
  return {
    engine,
    drop: async () => {
      for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
        const { collection_name } = await client.aliases(alias).retrieve()
        await client.aliases(alias).delete()
        await client.collections(collection_name).delete()
      }
    },
  }
}

/** Runs the search benchmark and writes bench/results/search.json. */
export default async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const startedAt = performance.now()
  // Other work on the machine inflates latencies; the load is written beside the figures.
  const loadAtStart = loadAverages()
  const config = testConfig({ LOG_LEVEL: 'error' })
  const client = createSearchClient(config)
  if (!client) throw new Error('TYPESENSE_URL must be set: the benchmark compares both engines')
  const db = await createTestDb()
  const runId = randomUUID().slice(0, 8)
  const real = readCatalog(BESTBUY_DIR)
  const catalogs: Record<string, SearchDocument[]> = {
    bestbuy: toSearchDocuments(real, 'bestbuy'),
    scale: toSearchDocuments(generateScaleCatalog(real, args.scaleCount), 'scale'),
  }
  const queries = benchmarkQueries()
  const api = await startApiServer({
    config,
    port: 0,
    rateLimitNamespace: randomUUID(),
    rateLimits: {
      publicPerIp: { points: 1e9, durationS: 60 },
      loginPerIp: { points: 30, durationS: 60 },
      loginPerAccount: { points: 10, durationS: 900 },
      registerPerIp: { points: 10, durationS: 3600 },
      resetPerIp: { points: 10, durationS: 3600 },
      resetPerAccount: { points: 3, durationS: 3600 },
      searchPerIp: { points: 1e9, durationS: 60 },
    },
  })
  const figures: Record<string, Record<string, Record<string, number>>> = {}
  const rows: Record<string, string | number>[] = []
  try {
    for (const [catalogName, docs] of Object.entries(catalogs)) {
      for (const kind of ['typesense', 'postgres'] as const) {
        const index =
          kind === 'typesense'
            ? await typesenseIndex(client, db, `bench_${runId}_${catalogName}_`)
            : await postgresIndex(db, `bench_search_${runId}_${catalogName}`)
        try {
          const measured = await measure(index, api, docs, queries, args)
          ;(figures[catalogName] ??= {})[kind] = measured
          rows.push({ catalog: catalogName, engine: kind, ...measured })
          console.error(`${catalogName}/${kind} done`)
        } finally {
          await index.drop()
        }
      }
    }
  } finally {
    await api.close()
    await db.destroy()
  }
  printTable(rows)
  const file = writeResult('search', {
    queries: queries.length,
    query_mix:
      'Best Buy demo queries of the Cell Phones department (most searched first) + first 90 WANDS queries',
    per_page: 24,
    warmup: 'one untimed pass over the whole mix on the engine',
    index_batch_docs: args.batch,
    load_avg_1m_5m_15m_start: loadAtStart,
    load_avg_1m_5m_15m_end: loadAverages(),
    run_s: Math.round((performance.now() - startedAt) / 1000),
    catalogs: {
      bestbuy: 'bestbuy-algolia ecommerce.json, 3,291 real products',
      scale: `generateScaleCatalog(seed 42), ${args.scaleCount} products recombined from bestbuy`,
    },
    ...figures,
  })
  console.log(`wrote ${file}`)
}

async function measure(
  { engine, afterLoad }: BenchIndex,
  api: Awaited<ReturnType<typeof startApiServer>>,
  docs: readonly SearchDocument[],
  queries: readonly string[],
  args: Args,
): Promise<Record<string, number>> {
  const started = performance.now()
  for (let i = 0; i < docs.length; i += args.batch)
    await engine.index(docs.slice(i, i + args.batch))
  const indexS = (performance.now() - started) / 1000
  await afterLoad?.()

  for (const q of queries) await engine.search(searchOf(q))
  const engineMs: number[] = []
  let zeroHit = 0
  let approximate = 0
  for (const q of queries) {
    const t = performance.now()
    const result = await engine.search(searchOf(q))
    engineMs.push(performance.now() - t)
    if (result.total === 0) zeroHit++
    if (result.approximate) approximate++
  }

  api.deps.searchEngine = engine
  const apiMs: number[] = []
  for (const q of queries) {
    const t = performance.now()
    const response = await fetch(api.url + searchPath(q))
    const body = await response.text()
    apiMs.push(performance.now() - t)
    if (!response.ok) throw new Error(`search.products failed for "${q}": ${body}`)
  }
  return {
    docs: docs.length,
    index_s: Number(indexS.toFixed(2)),
    docs_per_s: Math.round(docs.length / indexS),
    engine_p50_ms: quantile(engineMs, 0.5),
    engine_p99_ms: quantile(engineMs, 0.99),
    api_p50_ms: quantile(apiMs, 0.5),
    api_p99_ms: quantile(apiMs, 0.99),
    zero_hit_queries: zeroHit,
    approximate_queries: approximate,
  }
}
