// Test fixture: a relay whose process is killed after it published an event and before it marked it.
// Usage: tsx crashing-relay.fixture.ts <aggregate type>; prints `published <id>` and then waits to be killed.
import { createDb } from '@emporium/db'
import { createLogger } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { createOutboxRelay } from './outbox-relay'

const aggregateType = process.argv[2]
if (!aggregateType) throw new Error('usage: crashing-relay.fixture.ts <aggregate type>')
const config = testConfig()
const relay = createOutboxRelay({
  db: createDb(config.DATABASE_URL),
  logger: createLogger(config, 'crashing-relay'),
  handlers: {
    [aggregateType]: [
      async (event) => {
        process.stdout.write(`published ${event.id}\n`)
        await new Promise(() => undefined) // hang until SIGKILL, holding the claim
      },
    ],
  },
})
await relay.runOnce()
