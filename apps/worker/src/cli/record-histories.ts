// `npm run workflows:record-histories`: runs every workflow once on the Temporal server of the
// environment (the local dev server by default) and stores its event history as a replay fixture
// in packages/workflows/histories/<workflow-file-name>.json. Re-record only on purpose: replay tests
// exist to prove that changed workflow code still replays histories of runs already in flight.
// Pass fixture names (e.g. `-- release-expired-reservations-workflow`) to record only those.
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { createDb } from '@emporium/db'
import {
  createLogger,
  createMailer,
  createPaymentGateway,
  createRedis,
  createTemporalClient,
  createTestGateway,
  loadConfig,
  piiKeyRingOf,
} from '@emporium/infra'
import {
  DEFAULT_TASK_QUEUE,
  greetCustomerWorkflowId,
  isolatedTaskQueue,
  WORKFLOW_TYPES,
} from '@emporium/workflows'
import type {
  greetCustomerWorkflow,
  releaseExpiredReservationsWorkflow,
} from '@emporium/workflows/workflows'
import { NativeConnection } from '@temporalio/worker'
import { createGreetingActivities, greetingsKey } from '../activities/greeting-activities'
import { createInventoryActivities } from '../activities/inventory-activities'
import { createCheckoutActivities } from '../activities/checkout-activities'
import { createCartAbandonmentActivities } from '../activities/cart-abandonment-activities'
import { createWorkerNotifier } from '../notifications'
import { recordCartAbandonmentHistories } from './record-cart-abandonment-histories'
import { recordCheckoutHistories, RECORDER_PROCESSING_MS } from './record-checkout-histories'
import { createRecommendationActivities } from '../activities/recommendation-activities'
import { recordRecommendationHistories } from './record-recommendation-histories'
import { createPaymentReconciliationActivities } from '../activities/payment-reconciliation-activities'
import { createRefundActivities } from '../activities/refund-activities'
import { recordPaymentHistories } from './record-payment-histories'
import { historiesDir, historyToFixture } from '../replay/history-fixtures'
import { createWorker } from '../worker'

const config = loadConfig()
const logger = createLogger(config, 'record-histories')
const only = process.argv.slice(2)
const wanted = (fixture: string) => only.length === 0 || only.includes(fixture)
const taskQueue = isolatedTaskQueue(DEFAULT_TASK_QUEUE, `record-histories-${randomUUID()}`)

const redis = createRedis(config)
const db = createDb(config.DATABASE_URL, 2)
const client = await createTemporalClient(config)
const mail = createMailer(config).mailer
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS })
try {
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    activities: {
      ...createGreetingActivities({ redis, logger }),
      ...createInventoryActivities({ db, redis, logger }),
      ...createRecommendationActivities({ db, redis, logger }),
      // Checkouts pay the built-in test gateway, so recording needs no Stripe account.
      ...createCheckoutActivities({
        db,
        pii: piiKeyRingOf(config),
        redis,
        logger,
        paymentGateway: createTestGateway(redis, { processingMs: RECORDER_PROCESSING_MS }),
      }),
      // Refunds and reconciliation go through the test gateway behind its circuit breaker.
      ...createRefundActivities({
        db,
        logger,
        paymentGateway: createPaymentGateway(undefined, redis),
      }),
      ...createPaymentReconciliationActivities({
        db,
        logger,
        paymentGateway: createPaymentGateway(undefined, redis),
      }),
      ...createCartAbandonmentActivities({
        db,
        redis,
        logger,
        config,
        notifier: createWorkerNotifier({ db, logger, config, mail }),
      }),
    },
  })
  await worker.runUntil(async () => {
    if (wanted('greet-customer-workflow')) await recordGreeting()
    if (wanted('release-expired-reservations-workflow')) await recordSweep()
    await recordCheckoutHistories({ client, db, redis, logger, taskQueue, wanted })
    await recordRecommendationHistories({ client, logger, taskQueue, wanted })
    await recordPaymentHistories({ client, db, redis, logger, taskQueue, wanted })
    await recordCartAbandonmentHistories({ client, db, redis, logger, taskQueue, wanted })
  })

  async function recordGreeting() {
    const customerId = `history-${randomUUID()}`
    const handle = await client.workflow.start<typeof greetCustomerWorkflow>(
      WORKFLOW_TYPES.greetCustomer,
      {
        taskQueue,
        workflowId: greetCustomerWorkflowId(customerId),
        args: [{ customerId, name: 'Ada', followUpAfter: '1 second' }],
      },
    )
    await handle.result()
    await redis.del(greetingsKey(customerId)) // the greetings were only a means to a history
    const file = new URL('greet-customer-workflow.json', historiesDir)
    await writeFile(file, historyToFixture(await handle.fetchHistory()))
    logger.info({ workflowId: handle.workflowId, file: file.pathname }, 'history recorded')
  }

  async function recordSweep() {
    const sweep = await client.workflow.start<typeof releaseExpiredReservationsWorkflow>(
      WORKFLOW_TYPES.releaseExpiredReservations,
      {
        taskQueue,
        workflowId: `history-${randomUUID()}`,
        args: [{ batchSize: 100, maxBatches: 3 }],
      },
    )
    await sweep.result()
    const sweepFile = new URL('release-expired-reservations-workflow.json', historiesDir)
    await writeFile(sweepFile, historyToFixture(await sweep.fetchHistory()))
    logger.info({ workflowId: sweep.workflowId, file: sweepFile.pathname }, 'history recorded')
  }
} finally {
  await connection.close()
  await client.connection.close()
  mail.close()
  await redis.quit()
  await db.destroy()
}
