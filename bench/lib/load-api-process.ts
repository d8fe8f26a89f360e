// An API process for the load benchmark: `src/main.ts` with every rate limit lifted, since the
// whole load comes from one loopback address. Port and the rest from the environment.
import { randomUUID } from 'node:crypto'
import { startApiServer } from '@emporium/api'
import { loadConfig } from '@emporium/infra'

const unlimited = { points: 1e9, durationS: 60 }
const api = await startApiServer({
  config: loadConfig(),
  rateLimitNamespace: randomUUID(),
  rateLimits: {
    publicPerIp: unlimited,
    loginPerIp: unlimited,
    loginPerAccount: unlimited,
    registerPerIp: unlimited,
    resetPerIp: unlimited,
    resetPerAccount: unlimited,
    searchPerIp: unlimited,
  },
})
process.once('SIGTERM', () => {
  api.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
})
