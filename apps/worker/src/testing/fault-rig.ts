import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createDb } from '@emporium/db'
import { createRedis, createTemporalClient } from '@emporium/infra'
import {
  startToxiproxy,
  testConfig,
  TEST_ENV,
  type FaultProxy,
  type RunningToxiproxy,
} from '@emporium/infra/testing'
import {
  checkoutWorkflowId,
  CUSTOMER_ID_ATTRIBUTE,
  WORKFLOW_TYPES,
  type CheckoutInput,
} from '@emporium/workflows'

const workerScript = fileURLToPath(new URL('./checkout-worker-process.ts', import.meta.url))
const stackScript = fileURLToPath(new URL('../../../../scripts/stack.sh', import.meta.url))
const run = promisify(execFile)

/** The faults a run can inject; each lasts `ms` and then heals. */
export const FAULTS = [
  'postgres_latency',
  'postgres_timeout',
  'postgres_cut',
  'redis_cut',
  'temporal_cut',
  'worker_kill',
  'gateway_reset',
  'gateway_latency',
  'postgres_restart',
] as const
export type Fault = (typeof FAULTS)[number]

const hostPort = (url: string) => {
  const u = new URL(url)
  return `${u.hostname}:${u.port}`
}
const through = (url: string, proxy: FaultProxy) => {
  const u = new URL(url)
  u.host = `${proxy.host}:${proxy.port}`
  return u.toString()
}

/**
 * A checkout worker in a child process whose Postgres, Redis, payment gateway and Temporal
 * connections all pass through Toxiproxy, plus direct connections for setting up shoppers,
 * starting checkouts and checking the books. `inject` breaks one of them for a while.
 *
 * The payment gateway is the built-in test gateway, whose payments live in Redis: the worker
 * reaches that store over a connection of its own, through its own proxy, so a gateway fault
 * (connections reset, answers slow) hits the charges and nothing else.
 *
 * `postgres_restart` really restarts the stack's PostgreSQL (fast shutdown: sessions are cut,
 * open transactions roll back, the server comes back on the same port). Every user of that
 * server sees it, so only a run that has the stack to itself (the faults benchmark) injects it.
 */
export async function startFaultRig(options: {
  taskQueue: string
  bundleCode: string
  /** How long a `tok_processing` payment stays pending at the test gateway. */
  processingMs?: number
  /** Lines of the worker's output (and unexpected exits) go here. */
  log?: (line: string) => void
}) {
  const config = testConfig()
  const log = options.log ?? (() => undefined)
  const toxiproxy: RunningToxiproxy = await startToxiproxy()
  const proxies = {
    postgres: await toxiproxy.proxy('postgres', hostPort(config.DATABASE_URL)),
    redis: await toxiproxy.proxy('redis', hostPort(config.REDIS_URL)),
    temporal: await toxiproxy.proxy('temporal', config.TEMPORAL_ADDRESS),
    gateway: await toxiproxy.proxy('gateway', hostPort(config.REDIS_URL)),
  }
  const bundleFile = join(tmpdir(), `checkout-bundle-${randomUUID()}.js`)
  await writeFile(bundleFile, options.bundleCode)
  const workerEnv = {
    ...process.env,
    ...TEST_ENV,
    DATABASE_URL: through(config.DATABASE_URL, proxies.postgres),
    REDIS_URL: through(config.REDIS_URL, proxies.redis),
    TEMPORAL_ADDRESS: `${proxies.temporal.host}:${proxies.temporal.port}`,
  }

  let worker: ChildProcess | undefined
  let unexpectedExits = 0
  let kills = 0

  /** One try at starting the worker process; true once it polls its task queue. */
  async function spawnWorker(): Promise<boolean> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        workerScript,
        options.taskQueue,
        bundleFile,
        String(options.processingMs ?? 1_500),
        through(config.REDIS_URL, proxies.gateway),
      ],
      { env: workerEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    worker = child
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()))
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM') {
        unexpectedExits += 1
        log(`worker process exited on its own (code ${String(code)}, signal ${String(signal)})`)
      }
    })
    for (let i = 0; i < 1_200 && !output.includes('ready'); i++) {
      if (child.exitCode !== null) return false
      await sleep(50)
    }
    if (output.includes('ready')) return true
    child.kill('SIGKILL')
    return false
  }

  /**
   * Starts the worker process and waits until it polls, starting it again (as a supervisor would)
   * when it cannot connect at start because a dependency is cut at that moment.
   */
  async function startWorker(): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      if (await spawnWorker()) return
      log(`worker process did not start (attempt ${attempt}); starting it again`)
      await sleep(1_000)
    }
    throw new Error('the checkout worker process did not start in five attempts')
  }

  async function killWorker(): Promise<void> {
    const child = worker
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
    kills += 1
  }

  /** Breaks one dependency of the worker for `ms`, then heals it. */
  async function inject(fault: Fault, ms: number): Promise<void> {
    switch (fault) {
      case 'postgres_latency':
        await proxies.postgres.add('latency', { latency: 250, jitter: 100 })
        await sleep(ms)
        return proxies.postgres.clear()
      case 'postgres_timeout':
        // Data stops and each connection is closed after a second: queries in flight fail.
        await proxies.postgres.add('timeout', { timeout: 1_000 })
        await sleep(ms)
        return proxies.postgres.clear()
      case 'postgres_cut':
        await proxies.postgres.disable()
        await sleep(ms)
        return proxies.postgres.enable()
      case 'redis_cut':
        await proxies.redis.disable()
        await sleep(ms)
        return proxies.redis.enable()
      case 'temporal_cut':
        await proxies.temporal.disable()
        await sleep(ms)
        return proxies.temporal.enable()
      case 'worker_kill':
        await killWorker()
        await sleep(ms)
        return startWorker()
      case 'gateway_reset':
        // Every gateway connection is reset as soon as data flows: calls in flight fail.
        await proxies.gateway.add('reset_peer', { timeout: 0 })
        await sleep(ms)
        return proxies.gateway.clear()
      case 'gateway_latency':
        await proxies.gateway.add('latency', { latency: 1_500, jitter: 500 })
        await sleep(ms)
        return proxies.gateway.clear()
      case 'postgres_restart':
        await stackPostgres('down')
        await sleep(ms)
        await stackPostgres('up')
        return
    }
  }

  /** Stops or starts the stack's PostgreSQL with the stack script (the way an operator would). */
  async function stackPostgres(action: 'down' | 'up'): Promise<void> {
    await run('bash', [stackScript, action], {
      env: { ...process.env, STACK_SERVICES: 'postgres' },
      timeout: 120_000,
    })
  }

  const db = createDb(config.DATABASE_URL, 10)
  const redis = createRedis(config)
  const temporal = await createTemporalClient(config)

  /** Starts a checkout the way the API does (id from the cart, customer search attribute set). */
  const start = (input: CheckoutInput) =>
    temporal.workflow.start(WORKFLOW_TYPES.checkout, {
      taskQueue: options.taskQueue,
      workflowId: checkoutWorkflowId(input.cartId),
      args: [input],
      typedSearchAttributes: [{ key: CUSTOMER_ID_ATTRIBUTE, value: input.userId }],
    })

  async function stop(): Promise<void> {
    const child = worker
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))])
    }
    await temporal.connection.close()
    await redis.quit()
    await db.destroy()
    await toxiproxy.stop()
    await rm(bundleFile, { force: true })
  }

  return {
    config,
    db,
    redis,
    temporal,
    proxies,
    startWorker,
    killWorker,
    inject,
    start,
    stop,
    stats: () => ({ unexpectedExits, kills }),
  }
}

export type FaultRig = Awaited<ReturnType<typeof startFaultRig>>
