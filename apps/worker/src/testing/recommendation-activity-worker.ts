// A worker process that runs only the recommendation activities, for tests that kill a worker
// mid-activity (SIGKILL: no shutdown, no final heartbeat). Prints "ready" once it polls.
import { createDb } from '@emporium/db'
import { createLogger, createRedis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker'
import { createRecommendationActivities } from '../activities/recommendation-activities'

const taskQueue = process.env.RECOMMENDATION_TASK_QUEUE
if (!taskQueue) throw new Error('Set RECOMMENDATION_TASK_QUEUE')
Runtime.install({ logger: new DefaultLogger('WARN') })
const config = testConfig()
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS })
const worker = await Worker.create({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue,
  activities: createRecommendationActivities({
    db: createDb(config.DATABASE_URL, 2),
    redis: createRedis(config),
    logger: createLogger(config, 'worker-test'),
  }),
})
process.stdout.write('ready\n')
await worker.run()
