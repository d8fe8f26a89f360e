import { randomUUID } from 'node:crypto'
import { getWorkflowBundle } from '@emporium/worker'
import { startFaultRig, type Fault } from '@emporium/worker/testing/fault-rig'
import { runFaultyCheckouts, type ScheduledFault } from '@emporium/worker/testing/faulty-checkouts'
import { writeResult } from '../lib/results'

// Checkouts under faults, then the books: a checkout worker process whose Postgres, Redis, payment
// gateway and Temporal connections pass through Toxiproxy; N checkouts started at once while
// faults hit it on a timer (Postgres latency, timeouts, outage and a real restart of the stack's
// PostgreSQL, Redis and Temporal cuts, gateway connection resets and slow answers, SIGKILL of the
// worker). The restart hits every user of the stack's PostgreSQL: run this with nothing else on it. When every checkout has finished, the books are checked
// from the database and the gateway's own records, and the tally is printed and written.
// Usage: npm run bench -- faults [--checkouts 1000] [--every-ms 4000]

function parseArgs(args: string[]) {
  const out = { checkouts: 1_000, everyMs: 4_000 }
  for (let i = 0; i < args.length; i += 2) {
    const value = Number(args[i + 1])
    if (args[i] === '--checkouts') out.checkouts = value
    else if (args[i] === '--every-ms') out.everyMs = value
    else throw new Error(`Unknown option ${String(args[i])}; use --checkouts, --every-ms`)
  }
  if (!Number.isInteger(out.checkouts) || out.checkouts < 1 || !(out.everyMs > 0))
    throw new Error('--checkouts must be a whole number ≥ 1 and --every-ms positive')
  return out
}

// Each fault twice, one after another, while the checkouts run.
const ROUND: readonly { fault: Fault; ms: number }[] = [
  { fault: 'postgres_latency', ms: 3_000 },
  { fault: 'redis_cut', ms: 2_000 },
  { fault: 'postgres_timeout', ms: 1_500 },
  { fault: 'worker_kill', ms: 1_000 },
  { fault: 'postgres_cut', ms: 3_000 },
  { fault: 'temporal_cut', ms: 2_000 },
  { fault: 'gateway_reset', ms: 2_000 },
  { fault: 'gateway_latency', ms: 3_000 },
  { fault: 'postgres_restart', ms: 2_000 },
]

/** Runs the benchmark with the CLI options after its name. */
export default async function faultsBench(args: string[]): Promise<void> {
  const { checkouts, everyMs } = parseArgs(args)
  const faults: ScheduledFault[] = [...ROUND, ...ROUND].map((f, i) => ({
    ...f,
    atMs: i * everyMs,
  }))
  const rig = await startFaultRig({
    taskQueue: `bench-faults-${randomUUID()}`,
    bundleCode: (await getWorkflowBundle()).code,
    log: (line) => {
      if (/exited on its own|Error/.test(line)) console.log(`worker: ${line.slice(0, 300)}`)
    },
  })
  try {
    await rig.startWorker()
    const variants = Math.max(1, Math.round(checkouts / 10))
    const run = await runFaultyCheckouts(rig, {
      checkouts,
      variants,
      // 90% of the demand in stock, so some checkouts sell out.
      stockPerVariant: 9,
      couponLimit: Math.round(checkouts / 10),
      faults,
      log: (line) => console.log(line),
    })
    const figures = {
      faults_injected: run.injected.length,
      fault_kinds: [...new Set(run.injected)].sort().join(','),
      worker_kills: rig.stats().kills,
      worker_unexpected_exits: rig.stats().unexpectedExits,
      duration_s: Number((run.durationMs / 1000).toFixed(1)),
      ...run.tally,
      problems: run.problems.length,
    }
    console.log('\nbooks after the run:')
    for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(30)} ${value}`)
    for (const problem of run.problems.slice(0, 20)) console.log(`  problem: ${problem}`)
    console.log(`wrote ${writeResult('faults', { gateway: 'test', ...figures })}`)
  } finally {
    await rig.stop()
  }
}
