import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { TEST_ENV } from '@emporium/infra/testing'

const apiDir = fileURLToPath(new URL('../../', import.meta.url))
const workerDir = fileURLToPath(new URL('../../../worker/', import.meta.url))
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

/** A process started by `spawnProcess`, with its output kept for failure messages. */
export interface ChildService {
  pid: number
  output: () => string
  stop: () => Promise<void>
}

/** The test environment, then the caller's settings; `undefined` removes a variable. */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...TEST_ENV, ...process.env }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name]
    else merged[name] = value
  }
  return merged
}

/**
 * Spawns `command args` and resolves once `ready()` says so (polled every 200 ms), or fails with
 * the process output when it exits or `timeoutMs` passes first.
 */
export async function spawnProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: (output: string) => Promise<boolean> },
  timeoutMs = 120_000,
): Promise<ChildService> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = once(child, 'exit')
  const deadline = Date.now() + timeoutMs
  let exitedEarly = false
  void exited.then(() => (exitedEarly = true))
  while (!(await options.ready(output).catch(() => false))) {
    if (exitedEarly || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(
        `${command} ${args.join(' ')} in ${options.cwd} did not become ready (${exitedEarly ? 'exited' : 'timed out'}):\n${output}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    pid: child.pid ?? -1,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(timeout)
    },
  }
}

const healthy = (port: number) => async () =>
  (await fetch(`http://127.0.0.1:${String(port)}/healthz`)).ok

/**
 * Starts an API process as production does (`tsx src/main.ts` in apps/api, or `entry` instead) on
 * `port`, with the test environment plus `env`; resolves when /healthz answers 200.
 */
export function spawnApi(
  port: number,
  env: Record<string, string | undefined> = {},
  entry = 'src/main.ts',
): Promise<ChildService> {
  return spawnProcess(process.execPath, [tsxCli, entry], {
    cwd: apiDir,
    env: childEnv({ API_PORT: String(port), ...env }),
    ready: healthy(port),
  })
}

/** Starts the worker process (`tsx src/main.ts` in apps/worker) on `taskQueue`; resolves once it polls. */
export function spawnWorker(
  taskQueue: string,
  env: Record<string, string | undefined> = {},
): Promise<ChildService> {
  return spawnProcess(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: workerDir,
    // 'worker started' is logged at info level: that line is how readiness is seen.
    env: childEnv({ ...env, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'info' }),
    ready: (output) => Promise.resolve(output.includes('worker started')),
  })
}
