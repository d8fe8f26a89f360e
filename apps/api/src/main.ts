import { loadConfig } from '@emporium/infra'
import { startApiServer } from './server'

const config = loadConfig()
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
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        api.deps.logger.error({ err: error }, 'error during shutdown')
        process.exit(1)
      },
    )
  })
}
