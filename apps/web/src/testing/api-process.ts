import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/** The line a fixture script prints once its API serves: how to reach it, and its own facts. */
export interface ApiReady {
  apiUrl: string
  /** A session or cart cookie the page's requests carry, as the browser would send it. */
  cookie?: string
}

export interface ApiProcess<Ready extends ApiReady> {
  /** What the script printed when it became ready. */
  ready: Ready
  /**
   * Gives the page its own fetch back and asks the script to finish (closes its stdin); kills it
   * if it has not exited 15 s later. Resolves with its exit code (null when it had to be killed).
   */
  stop(): Promise<number | null>
}

const readyTimeoutMs = 60_000
const stopTimeoutMs = 15_000

/**
 * Runs a fixture script (with tsx, in its own process: the API cannot load inside jsdom's module
 * graph) that starts a real API, waits for its `{"apiUrl": …}` line, then routes the page's
 * same-origin `/trpc` calls to that API with the line's cookie. Fails with the script's output if
 * it exits or stays silent for a minute.
 */
export async function startApiProcess<Ready extends ApiReady>(
  scriptUrl: string,
): Promise<ApiProcess<Ready>> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli')
  const api = spawn(process.execPath, [tsx, fileURLToPath(scriptUrl)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => (output += chunk.toString())
  api.stdout.on('data', collect)
  api.stderr.on('data', collect)
  const running = () => api.exitCode === null && api.signalCode === null
  const deadline = Date.now() + readyTimeoutMs
  let ready: Ready
  for (;;) {
    const line = output.split('\n').find((l) => l.startsWith('{"apiUrl"'))
    if (line) {
      ready = JSON.parse(line) as Ready
      break
    }
    if (!running() || Date.now() > deadline) {
      if (running()) api.kill('SIGKILL')
      throw new Error(`The API process did not become ready:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  const pageFetchProperty = Object.getOwnPropertyDescriptor(window, 'fetch')
  const pageFetch = window.fetch.bind(window)
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://page.test')
    const headers = new Headers(init?.headers)
    if (ready.cookie !== undefined) headers.set('cookie', ready.cookie)
    return pageFetch(`${ready.apiUrl}${url.pathname}${url.search}`, { ...init, headers })
  }

  return {
    ready,
    async stop() {
      if (pageFetchProperty) Object.defineProperty(window, 'fetch', pageFetchProperty)
      if (running()) {
        const exited = once(api, 'exit')
        api.stdin.end()
        const stuck = setTimeout(() => api.kill('SIGKILL'), stopTimeoutMs)
        await exited
        clearTimeout(stuck)
      }
      if (api.exitCode !== 0)
        process.stderr.write(
          `The API process ended with ${api.exitCode ?? api.signalCode}:\n${output}`,
        )
      return api.exitCode
    },
  }
}
