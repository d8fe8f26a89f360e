import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import {
  publishRecommendationRun,
  readServedLists as readServedListsFromDb,
  startRecommendationRun,
  writeRecommendationLists,
} from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { buildPrecomputedLists } from '@emporium/domain/recommendations'
import { createRedis, readServedLists, swapServedRun, writeRunLists } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { GROCERIES_FILE, parseGroceriesCsv } from '../eval/recs/groceries-csv'
import { groceryItemMeta } from '../eval/recs/grocery-categories'
import { printTable, writeResult } from '../lib/results'

// The daily recommendation job's compute and publish steps on the real grocery purchase log, then
// serving reads: training + every list (per product, per member, best sellers; 4 algorithms),
// writing them under a run to the test database and Redis, the swap, and per-request list reads
// from Redis and from Postgres. Usage: npm run bench -- recs-job [--data <dir>] [--reads 2000]

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const DEFAULT_DATA_DIR = path.resolve(repoRoot, '..', 'shared', 'data', 'groceries')
const WRITE_CHUNK = 500

function parseArgs(args: string[]): { dataDir: string; reads: number } {
  const out = { dataDir: DEFAULT_DATA_DIR, reads: 2_000 }
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1] ?? ''
    if (args[i] === '--data') out.dataDir = path.resolve(value)
    else if (args[i] === '--reads' && Number.isInteger(Number(value)) && Number(value) > 0)
      out.reads = Number(value)
    else throw new Error(`Unknown option ${args[i]}; use --data <dir>, --reads <n>`)
  }
  return out
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
const round = (v: number, digits = 2) => Number(v.toFixed(digits))

/** `npm run bench -- recs-job` */
export default async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const interactions = parseGroceriesCsv(
    readFileSync(path.join(args.dataDir, GROCERIES_FILE), 'utf8'),
  )
  const items = groceryItemMeta(interactions.map((i) => i.itemId))
  const now = Math.max(...interactions.map((i) => Number(i.at)))

  let started = performance.now()
  const lists = buildPrecomputedLists(interactions, items, { listSize: 30, now })
  const computeS = (performance.now() - started) / 1000

  const db = await createTestDb()
  const redis = createRedis(testConfig())
  const channel = `bench-${randomUUID()}`
  const runId = randomUUID()
  try {
    started = performance.now()
    await startRecommendationRun(db, runId, channel)
    for (let i = 0; i < lists.length; i += WRITE_CHUNK)
      await writeRecommendationLists(db, runId, lists.slice(i, i + WRITE_CHUNK))
    const postgresS = (performance.now() - started) / 1000
    started = performance.now()
    await writeRunLists(redis, channel, runId, lists)
    const redisS = (performance.now() - started) / 1000
    started = performance.now()
    await publishRecommendationRun(db, channel, runId)
    await swapServedRun(redis, channel, runId)
    const publishMs = performance.now() - started

    // A personal-list request reads the user's list, the best sellers and a few neighbour lists.
    const userLists = lists.filter((l) => l.kind === 'user' && l.algorithm === 'hybrid')
    const productLists = lists.filter((l) => l.kind === 'product' && l.algorithm === 'hybrid')
    const requestKeys = (i: number) =>
      [
        userLists[i % userLists.length] ?? userLists[0]!,
        { kind: 'popular' as const, subjectId: 'all', algorithm: 'popularity' },
        ...[1, 2, 3].map(
          (j) => productLists[(i * 7 + j) % productLists.length] ?? productLists[0]!,
        ),
      ].map(({ kind, subjectId, algorithm }) => ({ kind, subjectId, algorithm }))
    const timeReads = async (read: (i: number) => Promise<unknown>) => {
      const samples: number[] = []
      for (let i = 0; i < args.reads; i += 1) {
        const t = performance.now()
        await read(i)
        samples.push(performance.now() - t)
      }
      return samples.sort((a, b) => a - b)
    }
    const fromRedis = await timeReads((i) => readServedLists(redis, db, channel, requestKeys(i)))
    const fromPostgres = await timeReads((i) => readServedListsFromDb(db, channel, requestKeys(i)))

    const figures = {
      data_file: `${path.basename(args.dataDir)}/${GROCERIES_FILE}`,
      interactions: interactions.length,
      items: items.length,
      users: userLists.length,
      lists: lists.length,
      compute_s: round(computeS),
      write_postgres_s: round(postgresS),
      write_redis_s: round(redisS),
      publish_ms: round(publishMs),
      reads: args.reads,
      read_redis_p50_ms: round(percentile(fromRedis, 50), 3),
      read_redis_p95_ms: round(percentile(fromRedis, 95), 3),
      read_postgres_p50_ms: round(percentile(fromPostgres, 50), 3),
      read_postgres_p95_ms: round(percentile(fromPostgres, 95), 3),
    }
    printTable(Object.entries(figures).map(([figure, value]) => ({ figure, value })))
    console.log(`written to ${writeResult('recs-job', figures)}`)
  } finally {
    await db.deleteFrom('recommendation_channels').where('channel', '=', channel).execute()
    await db.deleteFrom('recommendations').where('run_id', '=', runId).execute()
    await db.deleteFrom('recommendation_runs').where('id', '=', runId).execute()
    await redis.del(`recs:${channel}:current`, `recs:${channel}:run:${runId}`)
    await redis.quit()
    await db.destroy()
  }
}
