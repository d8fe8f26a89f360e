import { createLogger, loadConfig, startTracing } from '@emporium/infra'
import { startApiServer } from './server'

const config = loadConfig()
// Before the server handles a request: procedure spans, their PostgreSQL queries, workflow starts.
const tracing = startTracing(config, 'emporium-api', { logger: createLogger(config, 'api') })
const api = await startApiServer({ config })
api.deps.logger.info(
  { url: api.url },
  `API listening on ${api.url} (tRPC at ${api.url}/trpc, probe at ${api.url}/healthz)`,
)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    api.deps.logger.info({ signal }, 'shutting down')
    api
      .close()
      .then(() =>
        tracing.shutdown().catch((error: unknown) => {
          api.deps.logger.warn({ err: error }, 'last traces not exported')
        }),
      )
      .then(
        () => process.exit(0),
        (error: unknown) => {
          api.deps.logger.error({ err: error }, 'error during shutdown')
          process.exit(1)
        },
      )
  })
}
