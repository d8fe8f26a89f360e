import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { TEST_ENV } from '@emporium/infra/testing'

const workerDir = new URL('../../worker/', import.meta.url)
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

export interface RunningWorker {
  /** Everything the worker printed, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the real worker process (`tsx src/main.ts`, as `npm start` does) on the test stack: the
 * outbox relay, the search indexer and a Temporal worker on `taskQueue`; `env` overrides settings.
 * Resolves once it is polling.
 */
export async function startWorker(
  taskQueue: string,
  env: Record<string, string> = {},
): Promise<RunningWorker> {
  const child: ChildProcess = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: workerDir,
    env: { ...TEST_ENV, ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = once(child, 'exit')
  const started = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('worker started')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
  const outcome = await Promise.race([
    started.then(() => 'started' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 120_000)),
  ])
  if (outcome !== 'started') {
    child.kill('SIGKILL')
    throw new Error(`the worker did not start (${outcome}):\n${output}`)
  }
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(timeout)
    },
  }
}
