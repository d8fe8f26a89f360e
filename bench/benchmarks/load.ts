import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startApiServer } from '@emporium/api'
import type { Db } from '@emporium/db'
import { spawnApi, spawnWorker, startNginx, type ChildService } from '@emporium/api/testing'
import { freePort, testConfig } from '@emporium/infra/testing'
import { benchShoppers, benchVariants } from '../lib/checkout-shoppers'
import {
  browseRequest,
  cartRequest,
  checkoutRequest,
  MIX,
  searchRequest,
  type Kind,
  type LoadRequest,
} from '../lib/load-traffic'
import { cpuSecondsByPid, cpuSecondsSince, pidsMatching } from '../lib/process-cpu'
import { printTable, writeResult } from '../lib/results'
import { benchmarkQueries } from '../lib/search-queries'

// Mixed traffic at rising request rates through nginx to several API processes (plus one worker
// for the checkouts): browse 70 %, search 20 %, cart 8 %, checkout 2 %, each kind its own
// autocannon run at its share of the rate. Prints throughput and p50/p99 per kind and the first
// saturated resource (CPU per process group), writes bench/results/load.json.
// Usage: npm run bench -- load [--rates 50,100,200,400] [--seconds 5] [--apis 2]

interface Stats {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  errors: number
  non2xx: number
  timeouts: number
}
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  overallRate: number
  requests: LoadRequest[]
}) => Promise<Stats>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
const entry = fileURLToPath(new URL('../lib/load-api-process.ts', import.meta.url))

function parseArgs(args: string[]) {
  const out = { rates: [50, 100, 200, 400], seconds: 5, apis: 2 }
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1] ?? ''
    if (args[i] === '--rates') out.rates = value.split(',').map(Number)
    else if (args[i] === '--seconds') out.seconds = Number(value)
    else if (args[i] === '--apis') out.apis = Number(value)
    else throw new Error(`Unknown option ${String(args[i])}; use --rates, --seconds, --apis`)
  }
  const ok = (n: number) => Number.isInteger(n) && n >= 1
  if (!out.rates.every(ok) || !ok(out.seconds) || !ok(out.apis))
    throw new Error('--rates takes positive integers (comma-separated), --seconds and --apis one')
  return out
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number)
  const values = cpu ?? []
  const total = values.reduce((a, b) => a + b, 0)
  const idle = (values[3] ?? 0) + (values[4] ?? 0)
  return { busy: total - idle, total }
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits))

/** Runs the load benchmark and writes bench/results/load.json. */
export default async function run(args: string[]): Promise<void> {
  const { rates, seconds, apis } = parseArgs(args)
  const taskQueue = `emporium-bench-load-${randomUUID()}`
  // The built-in test gateway (no Stripe key), as the checkout bench does: payments are not the subject.
  const env = { TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined, LOG_LEVEL: 'error' }
  const setup = await startApiServer({
    config: testConfig({ LOG_LEVEL: 'error' }),
    port: 0,
    rateLimitNamespace: randomUUID(),
  })
  const { db, redis, sessions } = setup.deps
  const productIds = (
    await db
      .selectFrom('products')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(500)
      .execute()
  ).map((r) => r.id)
  if (productIds.length < 10)
    throw new Error('Too few active products: run `npm run db:seed` on the test database')
  const checkouts = rates.reduce((n, rate) => n + Math.ceil(rate * MIX.checkout * seconds) + 5, 20)
  console.log(`preparing ${String(checkouts + 50)} shoppers…`)
  const variants = await benchVariants(db, 20, 1_000_000)
  const session = (userId: string) =>
    sessions.create(userId, { userAgent: 'bench', ip: '127.0.0.1' })
  const carters = await benchShoppers(db, redis, session, variants, 50)
  const carterVariants = carters.map((_, k) => variants[k % variants.length]?.variantId ?? '')
  const pool = await benchShoppers(db, redis, session, variants, checkouts)

  const ports = await Promise.all(Array.from({ length: apis }, () => freePort()))
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'emporium-load-'))
  const services: ChildService[] = await Promise.all([
    ...ports.map((port) => spawnApi(port, env, entry)),
    spawnWorker(taskQueue, env),
  ])
  const lb = await startNginx(prefix, await freePort(), ports)
  const apiPids = services.slice(0, apis).map((s) => s.pid)
  // tsx runs the entry in a child of the pid we spawned: count the whole process tree.
  const tree = (pid: number) => [pid, ...pidsMatching(/./).filter((p) => ppid(p) === pid)]
  const groups: Record<string, { pids: number[]; cores: number }> = {
    api: { pids: apiPids.flatMap(tree), cores: apis },
    worker: { pids: tree(services[apis]?.pid ?? -1), cores: 1 },
    nginx: { pids: pidsMatching(new RegExp(`nginx.*${prefix}`)).flatMap(tree), cores: 1 },
    postgres: { pids: pidsMatching(/^postgres|\/postgres /), cores: os.availableParallelism() },
    redis: { pids: pidsMatching(/redis-server/), cores: 1 },
    typesense: { pids: pidsMatching(/typesense-server/), cores: os.availableParallelism() },
    temporal: { pids: pidsMatching(/temporal server start-dev/), cores: os.availableParallelism() },
    load_generator: { pids: [process.pid], cores: 1 },
  }
  const queries = benchmarkQueries()
  const keys: string[] = []
  const steps: Record<string, unknown>[] = []
  const figures: Record<string, unknown> = {}
  let firstSaturated = 'none within the rates tried'
  try {
    // Warm every instance's catalog cache and the search engine before measuring.
    await autocannon({
      url: lb.url,
      connections: 4,
      duration: 2,
      overallRate: 100,
      requests: [browseRequest(productIds)],
    })
    for (const rate of rates) {
      const cpuBefore = Object.fromEntries(
        Object.entries(groups).map(([g, { pids }]) => [g, cpuSecondsByPid(pids)]),
      )
      const machineBefore = machineTicks()
      const started = performance.now()
      const kinds: [Kind, LoadRequest][] = [
        ['browse', browseRequest(productIds)],
        ['search', searchRequest(queries)],
        ['cart', cartRequest(carters, carterVariants)],
        ['checkout', checkoutRequest(pool, keys)],
      ]
      const stats = await Promise.all(
        kinds.map(([kind, request]) => {
          const kindRate = Math.max(1, Math.round(rate * MIX[kind]))
          return autocannon({
            url: lb.url,
            connections: Math.max(1, Math.ceil(kindRate / 5)),
            duration: seconds,
            overallRate: kindRate,
            requests: [request],
          })
        }),
      )
      const wall = (performance.now() - started) / 1000
      const machine = machineTicks()
      const utilisation = Object.fromEntries(
        Object.entries(groups).map(([g, { pids, cores }]) => [
          g,
          cpuSecondsSince(cpuBefore[g] ?? new Map(), pids) / wall / cores,
        ]),
      )
      const achieved = stats.reduce((n, s) => n + s.requests.total, 0) / wall
      const failed = stats.reduce((n, s) => n + s.errors + s.non2xx + s.timeouts, 0)
      const worstP99 = Math.max(...stats.map((s) => s.latency.p99))
      const [busiest, busiestShare] = Object.entries(utilisation).sort(
        (a, b) => b[1] - a[1],
      )[0] ?? ['n/a', 0]
      const machineBusy =
        (machine.busy - machineBefore.busy) / (machine.total - machineBefore.total)
      const saturated = achieved < 0.9 * rate || worstP99 > 1000 || failed > 0
      const apiCores = (utilisation.api ?? 0) * apis
      const prefixKey = `rate_${String(rate)}`
      for (const [i, [kind]] of kinds.entries()) {
        const s = stats[i]
        if (!s) continue
        figures[`${prefixKey}_${kind}_rps`] = round(s.requests.total / wall)
        figures[`${prefixKey}_${kind}_p50_ms`] = s.latency.p50
        figures[`${prefixKey}_${kind}_p99_ms`] = s.latency.p99
        figures[`${prefixKey}_${kind}_failed`] = s.errors + s.non2xx + s.timeouts
      }
      figures[`${prefixKey}_offered_rps`] = rate
      figures[`${prefixKey}_achieved_rps`] = round(achieved)
      figures[`${prefixKey}_api_cores_used`] = round(apiCores, 2)
      figures[`${prefixKey}_requests_per_api_core_s`] = round(achieved / Math.max(apiCores, 0.01))
      figures[`${prefixKey}_machine_cpu_busy_percent`] = round(machineBusy * 100)
      for (const [g, share] of Object.entries(utilisation))
        figures[`${prefixKey}_cpu_percent_of_capacity_${g}`] = round(share * 100)
      steps.push({
        offered: rate,
        achieved: round(achieved),
        ...Object.fromEntries(
          kinds.map(([kind], i) => [
            `${kind} p50/p99 ms`,
            `${String(stats[i]?.latency.p50)}/${String(stats[i]?.latency.p99)}`,
          ]),
        ),
        failed,
        busiest: `${busiest} ${String(round(busiestShare * 100))}%`,
        machine: `${String(round(machineBusy * 100))}%`,
      })
      if (saturated && firstSaturated.startsWith('none')) {
        const own = `${busiest} at ${String(round(busiestShare * 100))}% of its CPU capacity`
        firstSaturated =
          machineBusy >= 0.95
            ? `the machine's CPU at ${String(rate)} req/s offered (${String(round(machineBusy * 100))}% busy, shared with other runs); busiest own process group: ${own}`
            : `${own} at ${String(rate)} req/s offered (machine ${String(round(machineBusy * 100))}% busy)`
      }
    }
    printTable(steps as Record<string, string | number>[])

    // Orders placed during the steps, then a burst: how fast one worker turns placed orders into paid ones.
    const burstKeys: string[] = []
    const burst = pool.splice(0, Math.min(pool.length, 20))
    const burstStart = performance.now()
    await Promise.all(
      burst.map(async (shopper) => {
        const key = randomUUID()
        burstKeys.push(key)
        const response = await fetch(`${lb.url}/trpc/orders.place`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${shopper.token}`,
            'idempotency-key': key,
          },
          body: JSON.stringify({
            shippingAddressId: shopper.addressId,
            paymentMethodToken: 'tok_visa',
          }),
        })
        if (!response.ok)
          throw new Error(
            `orders.place answered ${String(response.status)}: ${await response.text()}`,
          )
      }),
    )
    const paid = await waitPaid(db, [...keys, ...burstKeys], 180_000)
    const burstPaid = await waitPaid(db, burstKeys, 1)
    const burstSeconds = (performance.now() - burstStart) / 1000
    figures.checkout_orders_placed = keys.length + burstKeys.length
    figures.checkout_orders_paid = paid
    figures.checkout_burst_orders = burstKeys.length
    figures.checkout_burst_paid = burstPaid
    figures.checkout_burst_seconds = round(burstSeconds, 2)
    figures.worker_orders_per_s = round(burstPaid / burstSeconds, 2)
    console.log(`\nfirst saturated: ${firstSaturated}`)
    console.log(
      `orders paid: ${String(paid)} of ${String(figures.checkout_orders_placed)}; one worker paid a burst of ${String(burstPaid)} in ${String(round(burstSeconds, 1))} s`,
    )
  } finally {
    await lb.stop()
    await Promise.all(services.map((s) => s.stop()))
    rmSync(prefix, { recursive: true, force: true })
    await setup.close()
  }
  const file = writeResult('load', {
    note: 'Shared 2-core machine: other test suites ran at the same time (load average in the figures), so rates and latencies are noisy and low; compare only runs of the same machine state.',
    load_average_1m: round(os.loadavg()[0] ?? 0, 2),
    seconds_per_rate: seconds,
    api_instances: apis,
    workers: 1,
    mix_browse_search_cart_checkout_percent: '70/20/8/2',
    first_saturated_resource: firstSaturated,
    ...figures,
  })
  console.log(`wrote ${file}`)
}

function ppid(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return -1
  }
}

/** Polls until every order with these keys is paid (or `timeoutMs` passes); returns how many are. */
async function waitPaid(db: Db, keys: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const rows =
      keys.length === 0
        ? []
        : await db
            .selectFrom('orders')
            .select('id')
            .where('idempotency_key', 'in', keys)
            .where('status', '=', 'paid')
            .execute()
    if (rows.length >= keys.length || Date.now() > deadline) return rows.length
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
