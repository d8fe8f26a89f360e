import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { randomUUID } from 'node:crypto'
import { startApiServer } from '@emporium/api'
import { createTestDb, seedDatabase } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { printTable, writeResult } from '../lib/results'

// Product-page throughput: a bare Node HTTP JSON endpoint (same-size payload) as the ceiling, then
// catalog.getProduct over tRPC cached (one hot product, served from the instance's local LRU) and
// uncached (a second API instance with its catalog cache bypassed — every call runs the product
// query on Postgres — rotating over every seeded product). Same process, same machine, one run.
// Usage: npm run bench -- catalog [--seconds 5] [--connections 10]

interface Stats {
  requests: { average: number }
  latency: { p50: number; p99: number }
  errors: number
  non2xx: number
}
interface Request {
  method?: string
  path?: string
  setupRequest?: (req: { path: string }) => { path: string }
}
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  requests?: Request[]
}) => Promise<Stats>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

function parseArgs(args: string[]): { seconds: number; connections: number } {
  const out = { seconds: 5, connections: 10 }
  for (let i = 0; i < args.length; i += 2) {
    const value = Number(args[i + 1])
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${args[i]} needs a positive integer`)
    if (args[i] === '--seconds') out.seconds = value
    else if (args[i] === '--connections') out.connections = value
    else throw new Error(`Unknown option ${args[i]}; use --seconds <n>, --connections <n>`)
  }
  return out
}

const productPath = (id: string) =>
  `/trpc/catalog.getProduct?input=${encodeURIComponent(JSON.stringify({ id }))}`

/** Runs the catalog benchmark and writes bench/results/catalog.json. */
export default async function run(args: string[]): Promise<void> {
  const { seconds, connections } = parseArgs(args)
  const db = await createTestDb()
  const seeded = await seedDatabase(db)
  const ids = (
    await db.selectFrom('products').select('id').where('status', '=', 'active').execute()
  ).map((r) => r.id)
  await db.destroy()
  const hot = ids[0]
  if (hot === undefined) throw new Error('The seed wrote no active products')

  const options = {
    config: testConfig({ LOG_LEVEL: 'error' }),
    port: 0,
    rateLimitNamespace: randomUUID(),
    rateLimits: {
      publicPerIp: { points: 1e9, durationS: 60 },
      loginPerIp: { points: 30, durationS: 60 },
      loginPerAccount: { points: 10, durationS: 900 },
      registerPerIp: { points: 10, durationS: 3600 },
      resetPerIp: { points: 10, durationS: 3600 },
      resetPerAccount: { points: 3, durationS: 3600 },
      searchPerIp: { points: 120, durationS: 60 },
    },
  }
  const cachedApi = await startApiServer(options)
  const uncachedApi = await startApiServer(options)
  uncachedApi.deps.catalog.setBypass(true)
  await cachedApi.deps.catalog.ready

  const warm = await fetch(`${cachedApi.url}${productPath(hot)}`)
  const payload = await warm.text()
  if (!warm.ok) throw new Error(`getProduct failed: ${payload}`)
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(JSON.parse(payload)))
  })
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`

  let next = 0
  const targets = {
    bare: { url: bareUrl, requests: [{ path: '/' }] },
    cached: { url: cachedApi.url, requests: [{ path: productPath(hot) }] },
    uncached: {
      url: uncachedApi.url,
      requests: [
        {
          setupRequest: (req: { path: string }) => {
            next = (next + 1) % ids.length
            return { ...req, path: productPath(ids[next] ?? hot) }
          },
        },
      ],
    },
  }
  const figures: Record<string, Record<string, number>> = {}
  try {
    for (const [name, target] of Object.entries(targets)) {
      const stats = await autocannon({ ...target, connections, duration: seconds })
      figures[name] = {
        rps: Math.round(stats.requests.average),
        p50_ms: stats.latency.p50,
        p99_ms: stats.latency.p99,
        errors: stats.errors + stats.non2xx,
      }
    }
  } finally {
    await Promise.all([cachedApi.close(), uncachedApi.close()])
    await new Promise<void>((resolve) => bare.close(() => resolve()))
  }
  const bareRps = figures.bare?.rps ?? 1
  for (const f of Object.values(figures))
    f.ratio_vs_bare = Number(((f.rps ?? 0) / bareRps).toFixed(4))
  printTable(Object.entries(figures).map(([target, f]) => ({ target, ...f })))
  const file = writeResult('catalog', {
    seconds_per_target: seconds,
    connections,
    products_seeded: seeded.products,
    payload_bytes: Buffer.byteLength(payload),
    uncached_method: 'second API instance with catalog cache bypassed, rotating over all products',
    ...figures,
  })
  console.log(`wrote ${file}`)
}
