// A checkout worker in a process of its own, for crash tests that SIGKILL it mid-checkout.
// Usage: tsx checkout-worker-process.ts <task queue> <workflow bundle file> <processing ms> [gateway redis url]
// The test gateway keeps its payments in Redis; given a URL of its own (a fault proxy), it reaches
// them over that connection instead of the worker's.
// Prints `ready` once the worker polls; runs until killed.
import { readFile } from 'node:fs/promises'
import { createDb } from '@emporium/db'
import { createLogger, createRedis, createTestGateway, piiKeyRingOf } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { NativeConnection } from '@temporalio/worker'
import { createCheckoutActivities } from '../activities/checkout-activities'
import { createWorker } from '../worker'

const [taskQueue, bundleFile, processingMs, gatewayRedisUrl] = process.argv.slice(2)
if (!taskQueue || !bundleFile || !processingMs)
  throw new Error('usage: checkout-worker-process.ts <task queue> <bundle file> <processing ms>')
const config = testConfig()
const redis = createRedis(config)
const gatewayRedis = gatewayRedisUrl
  ? createRedis({ ...config, REDIS_URL: gatewayRedisUrl })
  : redis
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS })
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue,
  activities: createCheckoutActivities({
    db: createDb(config.DATABASE_URL, 5),
    pii: piiKeyRingOf(config),
    redis,
    logger: createLogger(config, 'checkout-worker-process'),
    paymentGateway: createTestGateway(gatewayRedis, { processingMs: Number(processingMs) }),
  }),
  workflowBundle: { code: await readFile(bundleFile, 'utf8') },
})
const running = worker.run()
process.stdout.write('ready\n')
await running
