import { once } from 'node:events'
import { createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as it reached the proxy, and what the proxy answered. */
export interface ProxiedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The status sent back: the injected error's, or the upstream's. */
  status: number
}

/**
 * An HTTP proxy in front of a real service that can answer the next requests with a server error
 * instead of passing them on (what Toxiproxy, working on TCP, cannot do): for tests of how a client
 * copes with a 5xx from a gateway.
 */
export async function startHttpFaultProxy(upstream: string) {
  const target = new URL(upstream)
  const seen: ProxiedRequest[] = []
  let failNext = 0
  let failStatus = 503

  const server = createServer((req, res) => {
    const entry: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      status: 0,
    }
    seen.push(entry)
    if (failNext > 0) {
      failNext -= 1
      entry.status = failStatus
      req.resume()
      res.writeHead(failStatus, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ error: { type: 'api_error', message: 'injected upstream failure' } }),
      )
      return
    }
    const forward = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upstreamRes) => {
        entry.status = upstreamRes.statusCode ?? 502
        res.writeHead(entry.status, upstreamRes.headers)
        upstreamRes.pipe(res)
      },
    )
    forward.on('error', (error) => {
      entry.status = 502
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`proxy: upstream failed: ${error.message}`)
    })
    req.pipe(forward)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests: seen,
    /** The next `count` requests get `status` (default 503) instead of reaching the upstream. */
    failNext(count: number, status = 503) {
      failNext = count
      failStatus = status
    },
    async stop() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}

export type HttpFaultProxy = Awaited<ReturnType<typeof startHttpFaultProxy>>
