import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { homedir } from 'node:os'
import path from 'node:path'
import { Toxiproxy, type Proxy } from 'toxiproxy-node-client'

/** toxiproxy-server, built by `npm run stack -- up` (scripts/stack/toxiproxy.sh); TOXIPROXY_SERVER_PATH overrides. */
export const TOXIPROXY_SERVER_PATH =
  process.env.TOXIPROXY_SERVER_PATH ??
  path.join(
    process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'),
    'emporium',
    'bin',
    'toxiproxy-server',
  )

/** A free TCP port on 127.0.0.1 (closed again, so a proxy or server can take it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

/** Faults Toxiproxy can put on a connection, with their attributes (times in ms, rates in KB/s). */
export interface ToxicAttributes {
  latency: { latency: number; jitter?: number }
  /** Data stops; the connection closes after `timeout` ms (0: held until the toxic is removed). */
  timeout: { timeout: number }
  /** Connections are reset (TCP RST) after `timeout` ms. */
  reset_peer: { timeout: number }
  /** The connection closes once `bytes` have passed. */
  limit_data: { bytes: number }
  bandwidth: { rate: number }
}
export type ToxicKind = keyof ToxicAttributes

/** One proxy in front of a real service: its address, and faults to switch on and off. */
export interface FaultProxy {
  name: string
  host: string
  port: number
  /** Adds a fault on the traffic towards the client (`downstream`, default) or the service. */
  add<K extends ToxicKind>(
    kind: K,
    attributes: ToxicAttributes[K],
    stream?: 'upstream' | 'downstream',
  ): Promise<void>
  /** Removes every fault on this proxy. */
  clear(): Promise<void>
  /** Refuses new connections and drops open ones (the service looks down). */
  disable(): Promise<void>
  enable(): Promise<void>
}

/** A running toxiproxy-server; `proxy` puts a proxy on a free port in front of `upstream` (host:port). */
export interface RunningToxiproxy {
  apiUrl: string
  proxy(name: string, upstream: string): Promise<FaultProxy>
  stop(): Promise<void>
}

function wrap(proxy: Proxy, port: number): FaultProxy {
  let current = proxy
  const added = new Set<string>()
  const setEnabled = async (enabled: boolean) => {
    current = await current.update({ enabled, listen: current.listen, upstream: current.upstream })
  }
  return {
    name: proxy.name,
    host: '127.0.0.1',
    port,
    async add(kind, attributes, stream = 'downstream') {
      const name = `${kind}_${stream}`
      await current.addToxic({
        name,
        type: kind,
        stream,
        toxicity: 1,
        attributes,
      })
      added.add(name)
    },
    async clear() {
      for (const name of added) await (await current.getToxic(name)).remove()
      added.clear()
    },
    disable: () => setEnabled(false),
    enable: () => setEnabled(true),
  }
}

/** Starts toxiproxy-server on a free port; every proxy it makes listens on 127.0.0.1. */
export async function startToxiproxy(): Promise<RunningToxiproxy> {
  if (!existsSync(TOXIPROXY_SERVER_PATH)) {
    throw new Error(
      `${TOXIPROXY_SERVER_PATH} is missing: run \`npm run stack -- up\` (it builds toxiproxy-server) or set TOXIPROXY_SERVER_PATH`,
    )
  }
  const port = await freePort()
  const child = spawn(TOXIPROXY_SERVER_PATH, ['-host', '127.0.0.1', '-port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'error' },
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const apiUrl = `http://127.0.0.1:${port}`
  const client = new Toxiproxy(apiUrl)
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      await client.getVersion()
      break
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`toxiproxy-server did not start on port ${port}: ${stderr}`, {
          cause: error,
        })
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return {
    apiUrl,
    async proxy(name, upstream) {
      const listenPort = await freePort()
      const proxy = await client.createProxy({
        name,
        listen: `127.0.0.1:${listenPort}`,
        upstream,
      })
      return wrap(proxy, listenPort)
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
