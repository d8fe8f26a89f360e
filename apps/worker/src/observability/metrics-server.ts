import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { metricsText, type Logger } from '@emporium/infra'

export interface MetricsServer {
  url: string
  close: () => Promise<void>
}

/** A free TCP port on `host` (for the Temporal SDK's own Prometheus endpoint, which needs a fixed port). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, host, resolve)
  })
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** The Temporal SDK's metrics text, or a comment saying why it is missing (the worker's own still serve). */
async function sdkMetrics(url: string | undefined, logger: Logger): Promise<string> {
  if (!url) return ''
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
    if (!response.ok) throw new Error(`HTTP ${String(response.status)}`)
    return await response.text()
  } catch (error) {
    logger.warn({ err: error, url }, 'Temporal SDK metrics unavailable')
    return '# Temporal SDK metrics unavailable\n'
  }
}

/**
 * Serves `GET /metrics`: the worker's prom-client metrics followed by the Temporal SDK's own
 * (scraped from the SDK runtime's Prometheus endpoint at `sdkMetricsUrl`), so one scrape sees both.
 */
export async function startMetricsServer(options: {
  host: string
  port: number
  sdkMetricsUrl?: string
  logger: Logger
}): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') {
      res.writeHead(404).end()
      return
    }
    Promise.all([metricsText(), sdkMetrics(options.sdkMetricsUrl, options.logger)])
      .then(([own, sdk]) => {
        res.writeHead(200, { 'content-type': own.contentType, 'cache-control': 'no-store' })
        res.end(`${own.body}\n${sdk}`)
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'metrics failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host}:${String(port)}/metrics`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
