import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { createTestDb } from '@emporium/db/testing'
import {
  createSearchClient,
  PostgresSearchEngine,
  TypesenseSearchEngine,
  type SearchEngine,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { BESTBUY_DIR, readCatalog, stableUuid, toSearchDocuments } from '../lib/bestbuy-catalog'
import { printTable, writeResult } from '../lib/results'
import { Bm25Index } from './search/bm25'
import { mean, ndcg, recallAt, reciprocalRank } from './search/metrics'
import { generateQuerySet, keyOf, type EvalQuery, type QuerySetFile } from './search/query-set'

// Search relevance on labels the catalog already carries (no human-judged set exists yet), for the
// Typesense engine, the PostgreSQL engine and a plain in-memory BM25 baseline, in one run.
//
// Data set format (a directory, `--data <dir>`; default: the Best Buy catalog of the shared data):
// - `products.json` (or `ecommerce.json`): a JSON array of products in the Best Buy / Algolia layout,
//   `{ id?, name, description, brand, categories: [root, ..., leaf], price, popularity }`; a product's
//   key is its `id`, else its array index as a string.
// - `queries.json` (optional): `{ format: 'emporium-search-eval/1', seed, queries: [{ id, kind:
//   'known_item' | 'category' | 'brand_type', query, relevant: [product keys], typo? }] }`. When it
//   is absent the set is generated from the catalog (./search/query-set.ts, seeded, deterministic):
//   known-item queries (a name shortened, reordered, with typos → that item and its colour variants),
//   category queries (a leaf category's words → products filed there) and brand+type queries
//   (brand + the leaf's type words → that brand's products there). The set used is written to
//   bench/results/search-eval-queries[-<dir>].json in the same format, so it can be reused.
// Metrics: known items MRR@10 and success@1 (also MRR@10 on the typo subset); category and
// brand+type NDCG@10 (binary gains) and recall@50 over min(|relevant|, 50).
// Each engine gets its own index (Postgres table `eval_search_<run>`, Typesense aliases
// `eval_<run>_*`), dropped at the end. Usage: npm run eval -- search [--data <dir>]

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'results')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const PAGE = 50

function parseArgs(args: string[]): { dataDir: string } {
  const out = { dataDir: BESTBUY_DIR }
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1]
    if (args[i] === '--data' && value) out.dataDir = path.resolve(value)
    else throw new Error(`Unknown option ${args[i]}; use --data <dir>`)
  }
  return out
}

type Ranker = (query: string) => Promise<string[]>

/** Mean metrics of a ranker over the query set, per query kind. */
async function score(rank: Ranker, queries: readonly EvalQuery[]): Promise<Record<string, number>> {
  const by: Record<string, number[]> = {}
  const push = (name: string, value: number) => (by[name] ??= []).push(value)
  for (const q of queries) {
    const ranked = await rank(q.query)
    const relevant = new Set(q.relevant)
    if (q.kind === 'known_item') {
      push('known_item_mrr_at_10', reciprocalRank(ranked, relevant, 10))
      push('known_item_success_at_1', ranked[0] !== undefined && relevant.has(ranked[0]) ? 1 : 0)
      if (q.typo) push('known_item_typo_mrr_at_10', reciprocalRank(ranked, relevant, 10))
    } else {
      push(`${q.kind}_ndcg_at_10`, ndcg(ranked, relevant, 10))
      push(`${q.kind}_recall_at_50`, recallAt(ranked, relevant, PAGE))
    }
  }
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k, mean(v)]))
}

/** `npm run eval -- search [--data <dir>]` */
export default async function main(argv: string[]): Promise<void> {
  const { dataDir } = parseArgs(argv)
  const isDefault = dataDir === BESTBUY_DIR
  const suffix = isDefault ? '' : `-${path.basename(dataDir)}`
  const products = readCatalog(dataDir)
  const queriesFile = path.join(dataDir, 'queries.json')
  const set: QuerySetFile = existsSync(queriesFile)
    ? (JSON.parse(readFileSync(queriesFile, 'utf8')) as QuerySetFile)
    : generateQuerySet(products)
  const setFile = path.join(resultsDir, `search-eval-queries${suffix}.json`)
  writeFileSync(setFile, `${JSON.stringify(set, null, 1)}\n`)

  const keys = products.map(keyOf)
  const uuidOf = (key: string) => (UUID.test(key) ? key : stableUuid(`eval:${key}`))
  const keyOfUuid = new Map(keys.map((k) => [uuidOf(k), k]))
  const docs = toSearchDocuments(
    products.map((p, i) => ({ ...p, id: uuidOf(keys[i] ?? String(i)) })),
    'eval',
  )
  const bm25 = new Bm25Index()
  products.forEach((p, i) =>
    bm25.add(keys[i] ?? '', [p.name, p.brand, ...p.categories, p.description].join(' ')),
  )

  const config = testConfig({ LOG_LEVEL: 'error' })
  const client = createSearchClient(config)
  if (!client) throw new Error('TYPESENSE_URL must be set: the evaluation compares both engines')
  const db = await createTestDb()
  const runId = randomUUID().slice(0, 8)
  const prefix = `eval_${runId}_`
  const table = `eval_search_${runId}`
  const engines: Record<string, SearchEngine> = {
    typesense: new TypesenseSearchEngine(client, db, { prefix }),
    postgres: new PostgresSearchEngine(db, { table }),
  }
  const figures: Record<string, Record<string, number>> = {}
  try {
    figures.bm25 = await score((q) => Promise.resolve(bm25.search(q, PAGE)), set.queries)
    for (const [name, engine] of Object.entries(engines)) {
      await engine.ensureReady()
      for (let i = 0; i < docs.length; i += 1000) await engine.index(docs.slice(i, i + 1000))
      figures[name] = await score(async (q) => {
        const result = await engine.search({
          q,
          filters: {},
          sort: 'relevance',
          currency: 'USD',
          page: 1,
          perPage: PAGE,
        })
        return result.hits.map((h) => keyOfUuid.get(h.productId) ?? h.productId)
      }, set.queries)
    }
  } finally {
    await sql`drop table if exists ${sql.id(table)}, ${sql.id(`${table}_words`)}`.execute(db)
    for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
      const found = await client
        .aliases(alias)
        .retrieve()
        .catch(() => undefined)
      if (!found) continue
      await client.aliases(alias).delete()
      await client.collections(found.collection_name).delete()
    }
    await db.destroy()
  }

  const count = (kind: EvalQuery['kind']) => set.queries.filter((q) => q.kind === kind).length
  printTable(Object.entries(figures).map(([system, f]) => ({ system, ...f })))
  const file = writeResult(`search-eval${suffix}`, {
    data: path.basename(dataDir),
    products: products.length,
    query_set: path.basename(setFile),
    query_seed: set.seed,
    known_item_queries: count('known_item'),
    known_item_typo_queries: set.queries.filter((q) => q.typo).length,
    category_queries: count('category'),
    brand_type_queries: count('brand_type'),
    ...figures,
  })
  console.log(`wrote ${file}`)
}
