import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHTTPHandler } from '@trpc/server/adapters/standalone'
import { observeCacheLookups, type Config } from '@emporium/infra'
import type { CheckoutAdmissionSettings } from './checkout/checkout-admission'
import { createContextFactory } from './context'
import { createApiDeps, type ApiDeps } from './deps'
import { checkDependencies } from './health/check-dependencies'
import { mediaStorage } from './media/media-storage'
import { serveMedia } from './media/serve-media'
import { handleSignedLink } from './notifications/signed-links'
import { handleMetrics } from './observability/metrics-route'
import { createRestHandler } from './openapi/rest-handler'
import {
  MAX_UPLOAD_BODY_BYTES,
  refuseOversizedBody,
  setSecurityHeaders,
  trpcBodyLimit,
} from './protection/http-hardening'
import type { RateLimitSettings } from './protection/rate-limits'
import { appRouter } from './root'
import { handleStripeWebhook } from './webhooks/stripe-webhook'

export interface RunningApi {
  url: string
  port: number
  deps: ApiDeps
  close: () => Promise<void>
}

/** The load balancer's probe: 200 when Postgres and Redis answer (the API cannot serve without them), else 503. */
async function handleHealthz(deps: ApiDeps, res: http.ServerResponse): Promise<void> {
  const services = await checkDependencies(deps)
  const critical = services.filter((s) => s.name === 'postgres' || s.name === 'redis')
  const ok = critical.every((s) => s.status === 'up')
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', services }))
}

/** Starts the HTTP server: tRPC under /trpc, plain HTTP routes beside it. Port 0 picks a free port. */
export async function startApiServer(options: {
  config: Config
  port?: number
  host?: string
  rateLimits?: RateLimitSettings
  rateLimitNamespace?: string
  checkoutAdmission?: Partial<CheckoutAdmissionSettings>
}): Promise<RunningApi> {
  const deps = createApiDeps(options.config, options)
  const stopCacheMetrics = observeCacheLookups(deps.catalog.stats)
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Bodies sent without a Content-Length are cut here while they stream.
    maxBodySize: MAX_UPLOAD_BODY_BYTES,
    createContext: createContextFactory(deps),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ err: error, path }, 'tRPC internal error')
    },
  })
  const restHandler = createRestHandler(appRouter, deps)
  const server = http.createServer((req, res) => {
    setSecurityHeaders(res)
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/healthz') {
      handleHealthz(deps, res).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'healthz failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
      return
    }
    if (path === '/metrics') {
      handleMetrics(res).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'metrics failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
      return
    }
    if (path?.startsWith('/media/')) {
      serveMedia(mediaStorage(deps.config), req, res, path).catch((error: unknown) => {
        deps.logger.error({ err: error, path }, 'media request failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
      return
    }
    if (path === '/webhooks/stripe') {
      handleStripeWebhook(deps, req, res).catch((error: unknown) => {
        deps.logger.error({ err: error, path }, 'stripe webhook request failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
      return
    }
    if (path?.startsWith('/links/') && handleSignedLink(deps, req, res, path)) return
    if (path && restHandler(req, res, path)) return
    if (path?.startsWith('/trpc/')) {
      if (refuseOversizedBody(req, res, trpcBodyLimit(path))) return
      trpcHandler(req, res)
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'not found', path }))
  })
  const host = options.host ?? options.config.API_HOST
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? options.config.API_PORT, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    port,
    deps,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      stopCacheMetrics()
      await deps.close()
    },
  }
}
