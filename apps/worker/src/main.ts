import { createSearchEngine, createTemporalClient, loadConfig, startTracing } from '@emporium/infra'
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker'
import { createActivities } from './activities'
import { closeWorkerDeps, createWorkerDeps } from './deps'
import { createCloseOnCheckoutHandlers } from './cart-abandonment/close-on-checkout-handler'
import { lazyTemporalClient } from './cart-abandonment/lazy-temporal-client'
import { createNotificationHandlers, createWorkerNotifier } from './notifications'
import {
  createCatalogHandlers,
  createOutboxRelay,
  createPurchaseAffinityHandlers,
  createReviewHandlers,
  mergeOutboxHandlers,
} from './outbox'
import { ensureSchedules } from './schedules/ensure-schedules'
import { registerDbGauges } from './observability/db-gauges'
import { freePort, startMetricsServer, type MetricsServer } from './observability/metrics-server'
import { createSearchIndexer } from './search-indexer'
import { createWorker } from './worker'

const pinoLevels = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const

const config = loadConfig()
const deps = createWorkerDeps(config)
const { logger } = deps
// Before any traced work: activity spans, workflow spans from the sandbox, their PostgreSQL queries.
const tracing = startTracing(config, 'emporium-worker', { logger })

const sdkMetricsPort = await freePort()
// Temporal's own logs go through pino too. On SIGINT/SIGTERM the runtime shuts every worker down:
// polling stops, in-flight activities get the worker's grace time, and `worker.run()` resolves.
Runtime.install({
  logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
    logger[pinoLevels[level]]({ ...meta }, message)
  }),
  shutdownSignals: ['SIGINT', 'SIGTERM'],
  // The SDK's own metrics (task latency, slots, polls) on a loopback port, bridged into /metrics.
  telemetryOptions: {
    metrics: { prometheus: { bindAddress: `127.0.0.1:${String(sdkMetricsPort)}` } },
  },
})
registerDbGauges(deps.db)
// A busy metrics port must not stop order processing: logged, and the worker runs without /metrics.
const metrics: MetricsServer | undefined = await startMetricsServer({
  host: config.WORKER_METRICS_HOST,
  port: config.WORKER_METRICS_PORT,
  sdkMetricsUrl: `http://127.0.0.1:${String(sdkMetricsPort)}/metrics`,
  logger,
}).then(
  (server) => {
    logger.info({ url: server.url }, 'worker metrics served')
    return server
  },
  (error: unknown) => {
    logger.error({ err: error, port: config.WORKER_METRICS_PORT }, 'worker metrics not served')
    return undefined
  },
)

let exitCode = 0
// Publishes outbox events (search indexing, cache invalidation, notifications) beside the Temporal worker.
const relayTemporal = lazyTemporalClient(config)
const relay = createOutboxRelay({
  db: deps.db,
  logger,
  ...(config.OUTBOX_RELAY_AGGREGATE_IDS ? { aggregateIds: config.OUTBOX_RELAY_AGGREGATE_IDS } : {}),
  handlers: mergeOutboxHandlers(
    createCatalogHandlers(deps.redis),
    // Product and seller rating aggregates, then the product's search document and caches.
    createReviewHandlers(deps.db, deps.redis),
    createNotificationHandlers({
      db: deps.db,
      logger,
      config,
      notifier: createWorkerNotifier(deps),
    }),
    createCloseOnCheckoutHandlers({ db: deps.db, logger, temporal: () => relayTemporal.get() }),
    // Paid orders weigh in the shopper's search personalization.
    createPurchaseAffinityHandlers(deps.db, deps.redis),
  ),
})
relay.start()
// Keeps the search index in step with the catalog; blocking stream reads get a connection of their own.
const indexerRedis = deps.redis.duplicate()
const indexer = createSearchIndexer({
  db: deps.db,
  redis: indexerRedis,
  engine: createSearchEngine(config, deps.db),
  logger,
})
indexer.start()
try {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS })
  // Test workers run the sweep themselves; they must not leave schedules on the shared dev server.
  if (config.NODE_ENV !== 'test') {
    const client = await createTemporalClient(config)
    await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE).finally(() =>
      client.connection.close(),
    )
  }
  try {
    const worker = await createWorker({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      activities: createActivities(deps),
      logger,
    })
    logger.info(
      {
        address: config.TEMPORAL_ADDRESS,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
      },
      'worker started',
    )
    await worker.run()
    logger.info('worker stopped')
  } finally {
    await connection.close()
  }
} catch (error) {
  logger.error({ err: error }, 'worker failed')
  exitCode = 1
} finally {
  await relay.stop()
  await relayTemporal.close()
  await indexer.stop()
  indexerRedis.disconnect()
  await closeWorkerDeps(deps)
  await metrics?.close()
  await tracing.shutdown().catch((error: unknown) => {
    logger.warn({ err: error }, 'last traces not exported')
  })
}
process.exit(exitCode)
