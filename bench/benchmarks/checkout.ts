import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { startApiServer } from '@emporium/api'
import { createEmporiumClient } from '@emporium/client'
import { createTemporalClient } from '@emporium/infra'
import { testConfig, TEST_ENV } from '@emporium/infra/testing'
import type { CheckoutResult } from '@emporium/workflows'
import { benchShoppers, benchVariants, type BenchShopper } from '../lib/checkout-shoppers'
import { activityStages, type StageTimes } from '../lib/checkout-stages'
import { cpuSecondsByPid, cpuSecondsSince, pidsMatching } from '../lib/process-cpu'
import { printTable, writeResult } from '../lib/results'

// End-to-end checkout throughput on this machine: the API in this process, the worker as its own
// process (as deployed), the test payment gateway, the local Temporal dev server and Postgres.
// Closed loop: `c` shoppers at a time each place an order (HTTP, Idempotency-Key) and wait for the
// checkout's result, for --seconds at each concurrency. Per level: orders/s, place→paid latency,
// each activity's queueing (schedule→start: worker slots) and run time (start→close: Postgres,
// Redis, gateway) from sampled workflow histories, and CPU per process (100% = one core).
// Usage: npm run bench -- checkout [--seconds 15] [--levels 1,4,16,32]

function parseArgs(args: string[]) {
  const out = { seconds: 15, levels: [1, 4, 16, 32] }
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1] ?? ''
    if (args[i] === '--seconds') out.seconds = Number(value)
    else if (args[i] === '--levels') out.levels = value.split(',').map(Number)
    else throw new Error(`Unknown option ${args[i]}; use --seconds, --levels`)
  }
  if (!(out.seconds > 0) || out.levels.some((l) => !Number.isInteger(l) || l < 1))
    throw new Error('--seconds must be positive and --levels whole numbers ≥ 1')
  return out
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
const round = (v: number, digits = 1) => Number(v.toFixed(digits))

async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'apps/worker/src/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    let seen = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.includes('worker started')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`worker exited early with code ${String(code)}`)))
  })
  return child
}

interface Level {
  concurrency: number
  orders: number
  failed: number
  orders_per_s: number
  p50_ms: number
  p99_ms: number
  place_p50_ms: number
  place_p99_ms: number
  cpu_percent: Record<string, number>
  stages: Record<string, StageTimes>
}

/** Runs the benchmark with the CLI options after its name. */
export default async function checkoutBench(args: string[]): Promise<void> {
  const { seconds, levels } = parseArgs(args)
  const taskQueue = `bench-checkout-${randomUUID()}`
  const overrides = { TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: '', LOG_LEVEL: 'info' }
  const config = testConfig({ ...overrides, STRIPE_SECRET_KEY: undefined })
  const unlimited = { points: 1_000_000, durationS: 1 }
  const api = await startApiServer({
    config,
    port: 0,
    rateLimitNamespace: randomUUID(),
    rateLimits: {
      publicPerIp: unlimited,
      loginPerIp: unlimited,
      loginPerAccount: unlimited,
      registerPerIp: unlimited,
      resetPerIp: unlimited,
      resetPerAccount: unlimited,
      searchPerIp: unlimited,
    },
  })
  const worker = await startWorkerProcess({ ...TEST_ENV, ...overrides, NODE_ENV: 'test' })
  const temporal = await createTemporalClient(config)

  // Enough shoppers for the fastest level we expect (~40 orders/s), each checking out once.
  const budget = Math.ceil(levels.reduce((n) => n + 40 * seconds, 0) + 100)
  console.log(`preparing ${String(budget)} shoppers…`)
  const variants = await benchVariants(api.deps.db, 50, 1_000_000)
  const pool: BenchShopper[] = await benchShoppers(
    api.deps.db,
    api.deps.redis,
    (userId) => api.deps.sessions.create(userId, { userAgent: 'bench', ip: '127.0.0.1' }),
    variants,
    budget,
  )

  const processes = {
    api: [process.pid],
    worker: pidsMatching(/apps\/worker\/src\/main\.ts/).filter((pid) => pid !== process.pid),
    postgres: pidsMatching(/^postgres|\/postgres /),
    temporal: pidsMatching(/temporal server start-dev/),
    redis: pidsMatching(/redis-server/),
  }

  const results: Level[] = []
  for (const concurrency of levels) {
    const latencies: number[] = []
    const placeLatencies: number[] = []
    const sampled: string[] = []
    let failed = 0
    const cpuBefore = Object.fromEntries(
      Object.entries(processes).map(([name, pids]) => [name, cpuSecondsByPid(pids)]),
    )
    const started = performance.now()
    const deadline = started + seconds * 1000
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const shopper = pool.pop()
          if (!shopper) throw new Error('ran out of prepared shoppers; lower --seconds')
          const client = createEmporiumClient({
            apiUrl: api.url,
            token: shopper.token,
            maxRetries: 0,
          })
          const t0 = performance.now()
          const { checkoutId } = await client.orders.place.mutate(
            { shippingAddressId: shopper.addressId, paymentMethodToken: 'tok_visa' },
            { context: { idempotencyKey: randomUUID() } },
          )
          placeLatencies.push(performance.now() - t0)
          const result = (await temporal.workflow.getHandle(checkoutId).result()) as CheckoutResult
          latencies.push(performance.now() - t0)
          if (result.status !== 'paid') failed += 1
          if (sampled.length < 30) sampled.push(checkoutId)
        }
      }),
    )
    const elapsedS = (performance.now() - started) / 1000
    const cpu_percent = Object.fromEntries(
      Object.entries(processes).map(([name, pids]) => [
        name,
        round((cpuSecondsSince(cpuBefore[name] ?? new Map(), pids) / elapsedS) * 100),
      ]),
    )
    latencies.sort((a, b) => a - b)
    placeLatencies.sort((a, b) => a - b)
    results.push({
      concurrency,
      orders: latencies.length,
      failed,
      orders_per_s: round(latencies.length / elapsedS, 2),
      p50_ms: round(percentile(latencies, 50)),
      p99_ms: round(percentile(latencies, 99)),
      place_p50_ms: round(percentile(placeLatencies, 50)),
      place_p99_ms: round(percentile(placeLatencies, 99)),
      cpu_percent,
      stages: await activityStages(temporal, sampled),
    })
  }

  worker.kill('SIGTERM')
  await new Promise((resolve) => worker.once('exit', resolve))
  await temporal.connection.close()
  await api.close()

  printTable(
    results.map((r) => ({
      concurrency: r.concurrency,
      orders: r.orders,
      failed: r.failed,
      orders_per_s: r.orders_per_s,
      p50_ms: r.p50_ms,
      p99_ms: r.p99_ms,
      place_p50_ms: r.place_p50_ms,
      ...Object.fromEntries(Object.entries(r.cpu_percent).map(([k, v]) => [`cpu_${k}_pct`, v])),
    })),
  )
  console.log(
    '\nactivity queueing (schedule→start) and run time (start→close), ms, mean of sampled checkouts:',
  )
  printTable(
    results.flatMap((r) =>
      Object.entries(r.stages).map(([activity, t]) => ({
        concurrency: r.concurrency,
        activity,
        queue_ms: t.queue_ms,
        run_ms: t.run_ms,
      })),
    ),
  )

  // The stage that saturates first: the one whose time grows most from the lightest to the heaviest load.
  const first = results[0]
  const last = results.at(-1)
  let saturated = 'none'
  if (first && last && first !== last) {
    const growth = Object.entries(last.stages).map(([activity, t]) => {
      const base = first.stages[activity] ?? { queue_ms: 0, run_ms: 0 }
      return [
        [`${activity} (queueing for a worker slot)`, t.queue_ms - base.queue_ms],
        [`${activity} (running)`, t.run_ms - base.run_ms],
      ] as const
    })
    const worst = growth.flat().sort((a, b) => b[1] - a[1])[0]
    const busiest = Object.entries(last.cpu_percent).sort((a, b) => b[1] - a[1])[0]
    saturated = `${worst?.[0] ?? 'n/a'}: +${String(round(worst?.[1] ?? 0))} ms; busiest process ${busiest?.[0] ?? 'n/a'} at ${String(busiest?.[1] ?? 0)}% CPU`
  }
  console.log(`\nsaturates first: ${saturated}`)
  const file = writeResult('checkout', {
    gateway: 'test',
    seconds_per_level: seconds,
    saturates_first: saturated,
    levels: Object.fromEntries(results.map((r) => [`concurrency_${String(r.concurrency)}`, r])),
  })
  console.log(`wrote ${file}`)
}
