import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createDb, reserveStock, type Db } from '@emporium/db'
import { createTestDb, insertTestUser, insertTestWarehouse } from '@emporium/db/testing'
import {
  admit,
  closeFlashSale,
  createRedis,
  openFlashSale,
  reserveThroughGate,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { printTable, writeResult } from '../lib/results'

// Reservation throughput on the test database: one hot SKU and 1,000 SKUs, straight to Postgres and
// through the flash-sale gate, with ample stock (every attempt can succeed) for `--seconds` each.
// Then the flash-sale race: `--buyers` buyers for 100 units, with and without the gate, counting
// reservation attempts that reached Postgres and decision latency (no new buyer after 4 × --seconds).
// Usage: npm run bench -- inventory [--seconds 5] [--concurrency 32] [--buyers 10000]

function parseArgs(args: string[]): { seconds: number; concurrency: number; buyers: number } {
  const out = { seconds: 5, concurrency: 32, buyers: 10_000 }
  for (let i = 0; i < args.length; i += 2) {
    const value = Number(args[i + 1])
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${args[i]} needs a positive integer`)
    if (args[i] === '--seconds') out.seconds = value
    else if (args[i] === '--concurrency') out.concurrency = value
    else if (args[i] === '--buyers') out.buyers = value
    else throw new Error(`Unknown option ${args[i]}; use --seconds, --concurrency, --buyers`)
  }
  return out
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
const round = (v: number, digits = 2) => Number(v.toFixed(digits))

/** A seller with one product of `count` variants, each with `onHand` units in one warehouse. */
async function stock(db: Db, count: number, onHand: number) {
  const user = await insertTestUser(db, 'seller')
  const key = randomUUID()
  const seller = await db
    .insertInto('sellers')
    .values({
      user_id: user.id,
      store_name: `Bench ${key}`,
      slug: `bench-${key}`,
      contact_email: user.email,
      payout_currency: 'USD',
      status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const product = await db
    .insertInto('products')
    .values({ seller_id: seller.id, name: `Bench ${key}`, slug: `bench-${key}`, status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const variants = await db
    .insertInto('product_variants')
    .values(
      Array.from({ length: count }, (_, i) => ({
        product_id: product.id,
        sku: `BENCH-${key}-${i}`,
        title: `#${i}`,
      })),
    )
    .returning('id')
    .execute()
  const warehouse = await insertTestWarehouse(db)
  await db
    .insertInto('inventory_levels')
    .values(variants.map((v) => ({ variant_id: v.id, warehouse_id: warehouse, on_hand: onHand })))
    .execute()
  const cleanup = async () => {
    await db.deleteFrom('products').where('id', '=', product.id).execute()
    await db.deleteFrom('warehouses').where('id', '=', warehouse).execute()
    await db.deleteFrom('sellers').where('id', '=', seller.id).execute()
    await db.deleteFrom('users').where('id', '=', user.id).execute()
  }
  return { variantIds: variants.map((v) => v.id), cleanup }
}

const expiresAt = () => new Date(Date.now() + 3_600_000)

/** Reserves one unit of a variant chosen by `pick`, from `concurrency` loops, for `seconds`. */
async function throughput(
  pool: Db,
  redis: Redis,
  variantIds: string[],
  gated: boolean,
  seconds: number,
  concurrency: number,
) {
  if (gated) for (const v of variantIds) await openFlashSale(redis, v, 1_000_000)
  let reserved = 0
  let attempts = 0
  const end = performance.now() + seconds * 1000
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const variantId = variantIds[Math.floor(Math.random() * variantIds.length)]!
        const lines = [{ variantId, quantity: 1 }]
        const reserve = () => {
          attempts += 1
          return reserveStock(pool, {
            ownerKey: `bench-${randomUUID()}`,
            lines,
            shippingRegion: 'EU',
            expiresAt: expiresAt(),
          })
        }
        const result = gated ? await reserveThroughGate(redis, lines, reserve) : await reserve()
        if (result.ok) reserved += 1
      }
    }),
  )
  const elapsed = (performance.now() - start) / 1000
  if (gated) for (const v of variantIds) await closeFlashSale(redis, v)
  return {
    reservations_per_s: round(reserved / elapsed, 1),
    reservations: reserved,
    db_attempts: attempts,
    seconds: round(elapsed),
  }
}

/** `buyers` buyers, `concurrency` at a time, race for 100 units (no new buyer after `maxSeconds`); each decision is timed. */
async function flashRace(
  pool: Db,
  redis: Redis,
  variantId: string,
  gated: boolean,
  buyers: number,
  concurrency: number,
  maxSeconds: number,
) {
  if (gated) await openFlashSale(redis, variantId, 100)
  const decisionMs: number[] = []
  let next = 0
  let won = 0
  let attempts = 0
  const start = performance.now()
  const deadline = start + maxSeconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < buyers && performance.now() < deadline) {
        next += 1
        const lines = [{ variantId, quantity: 1 }]
        const t0 = performance.now()
        const reserve = () => {
          attempts += 1
          return reserveStock(pool, {
            ownerKey: `flash-${randomUUID()}`,
            lines,
            shippingRegion: 'EU',
            expiresAt: expiresAt(),
          })
        }
        const result = gated ? await reserveThroughGate(redis, lines, reserve) : await reserve()
        const took = performance.now() - t0
        decisionMs.push(took)
        if (result.ok) won += 1
      }
    }),
  )
  const elapsed = (performance.now() - start) / 1000
  if (gated) await closeFlashSale(redis, variantId)
  decisionMs.sort((a, b) => a - b)
  return {
    buyers_served: next,
    units_sold: won,
    db_attempts: attempts,
    refused_without_db: next - attempts,
    seconds: round(elapsed),
    decision_p50_ms: round(percentile(decisionMs, 50)),
    decision_p99_ms: round(percentile(decisionMs, 99)),
  }
}

/**
 * Admission decisions alone on 100 units: `buyers` admit() calls from `concurrency` loops (the
 * decision latency), then the same number fired at once (a burst: still exactly 100 admitted).
 */
async function admissionLatency(redis: Redis, buyers: number, concurrency: number) {
  const variantId = randomUUID()
  await openFlashSale(redis, variantId, 100)
  const times: number[] = []
  let next = 0
  let admitted = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < buyers) {
        next += 1
        const t0 = performance.now()
        if ((await admit(redis, variantId, 1)).admitted) admitted += 1
        times.push(performance.now() - t0)
      }
    }),
  )
  await openFlashSale(redis, variantId, 100)
  const burst = await Promise.all(Array.from({ length: buyers }, () => admit(redis, variantId, 1)))
  await closeFlashSale(redis, variantId)
  times.sort((a, b) => a - b)
  return {
    decisions: buyers,
    admitted,
    admission_p50_ms: round(percentile(times, 50), 3),
    admission_p99_ms: round(percentile(times, 99), 3),
    burst_admitted: burst.filter((a) => a.admitted).length,
  }
}

/** Runs the inventory benchmark and writes bench/results/inventory.json. */
export default async function run(args: string[]): Promise<void> {
  const { seconds, concurrency, buyers } = parseArgs(args)
  const config = testConfig({ LOG_LEVEL: 'error' })
  const db = await createTestDb()
  const pool = createDb(config.DATABASE_URL, concurrency)
  const redis = createRedis(config)
  const hot = await stock(db, 1, 1_000_000)
  const many = await stock(db, 1_000, 1_000_000)
  const race = await stock(db, 2, 100)
  try {
    // Warm-up (connections, JIT) on stock that is then thrown away.
    await throughput(pool, redis, many.variantIds, false, 1, concurrency)
    const groups = {
      hot_sku_db: await throughput(pool, redis, hot.variantIds, false, seconds, concurrency),
      hot_sku_gate: await throughput(pool, redis, hot.variantIds, true, seconds, concurrency),
      skus_1000_db: await throughput(pool, redis, many.variantIds, false, seconds, concurrency),
      skus_1000_gate: await throughput(pool, redis, many.variantIds, true, seconds, concurrency),
      flash_race_db: await flashRace(
        pool,
        redis,
        race.variantIds[0]!,
        false,
        buyers,
        concurrency,
        4 * seconds,
      ),
      flash_race_gate: await flashRace(
        pool,
        redis,
        race.variantIds[1]!,
        true,
        buyers,
        concurrency,
        4 * seconds,
      ),
      admission_only: await admissionLatency(redis, buyers, concurrency),
    }
    const table = (names: (keyof typeof groups)[]) =>
      printTable(names.map((scenario) => ({ scenario, ...groups[scenario] })))
    table(['hot_sku_db', 'hot_sku_gate', 'skus_1000_db', 'skus_1000_gate'])
    console.log('')
    table(['flash_race_db', 'flash_race_gate'])
    console.log('')
    table(['admission_only'])
    const file = writeResult('inventory', {
      seconds_per_throughput_run: seconds,
      concurrency,
      flash_race_units: 100,
      ...groups,
    })
    console.log(`\nwrote ${file}`)
  } finally {
    await Promise.all([hot.cleanup(), many.cleanup(), race.cleanup()])
    await pool.destroy()
    await db.destroy()
    await redis.quit()
  }
}
