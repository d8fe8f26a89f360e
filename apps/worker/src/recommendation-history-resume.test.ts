import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createDb, loadRunBatches, type Db } from '@emporium/db'
import { insertTestUser } from '@emporium/db/testing'
import { createLogger, createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { WORKFLOW_TYPES, type HistoryCursor } from '@emporium/workflows'
import type { dailyRecommendationsWorkflow } from '@emporium/workflows/workflows'
import type { WorkflowHandle } from '@temporalio/client'
import { defaultPayloadConverter } from '@temporalio/common'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRecommendationActivities } from './activities/recommendation-activities'
import { insertRecommendableProduct } from './testing/recommendation-fixtures'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

/** Views of the test's shopper: enough batches that the reader is still busy when it is killed. */
const VIEWS = 150

const activityWorkerScript = fileURLToPath(
  new URL('./testing/recommendation-activity-worker.ts', import.meta.url),
)

/** Starts the recommendation activities in a child process and waits until it polls. */
async function startActivityWorkerProcess(taskQueue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', activityWorkerScript], {
    env: { ...process.env, RECOMMENDATION_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('ready')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`activity worker exited early (${code})`)))
  })
  return child
}

/** The cursor the server last received in a heartbeat of the workflow's running activity. */
async function serverCursor(
  handle: WorkflowHandle<typeof dailyRecommendationsWorkflow>,
): Promise<HistoryCursor | undefined> {
  const pending = (await handle.describe()).raw.pendingActivities?.[0]
  const payload = pending?.heartbeatDetails?.payloads?.[0]
  return payload ? defaultPayloadConverter.fromPayload<HistoryCursor>(payload) : undefined
}

describe('recommendation history reading survives a killed worker', () => {
  const config = testConfig()
  let env: TestWorkflowEnvironment
  let db: Db
  let redis: Redis

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
    })
    db = createDb(config.DATABASE_URL, 5)
    redis = createRedis(config)
  })
  afterAll(async () => {
    await redis?.quit()
    await db?.destroy()
    await env?.teardown()
  })

  it('a new worker resumes after the last heartbeated batch and reads no finished batch again', async () => {
    const taskQueue = uniqueTaskQueue('recs-resume')
    const viewer = await insertTestUser(db)
    const viewed = await insertRecommendableProduct(db, 'Viewed')
    await db
      .insertInto('product_views')
      .values(
        Array.from({ length: VIEWS }, () => ({ user_id: viewer.id, product_id: viewed.productId })),
      )
      .execute()

    const child = await startActivityWorkerProcess(taskQueue)
    // This worker runs the workflow only: without activities it never polls for activity tasks.
    const workflowWorker = await createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: {},
      workflowBundle: await testWorkflowBundle(),
    })
    await workflowWorker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof dailyRecommendationsWorkflow>(
        WORKFLOW_TYPES.dailyRecommendations,
        {
          taskQueue,
          workflowId: `recs-resume-${randomUUID()}`,
          args: [
            {
              channel: `test-${randomUUID()}`,
              batchSize: 10,
              listSize: 5,
              currency: 'USD',
              pauseBetweenBatchesMs: 200,
              heartbeatTimeout: '2 seconds',
            },
          ],
        },
      )
      let atKill: HistoryCursor | undefined
      await expect
        .poll(
          async () => {
            atKill = await serverCursor(handle)
            return atKill !== undefined && (atKill.source === 'view' || atKill.seq >= 2)
          },
          { timeout: 60_000, interval: 50 },
        )
        .toBe(true)
      child.kill('SIGKILL')
      await once(child, 'exit')
      const killedAt = atKill as HistoryCursor

      const resumer = await Worker.create({
        connection: env.nativeConnection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue,
        activities: createRecommendationActivities({
          db,
          redis,
          logger: createLogger(config, 'worker-test'),
        }),
      })
      const result = await resumer.runUntil(handle.result())

      const batches = await loadRunBatches(db, result.runId)
      expect(result.batches).toBe(batches.length)
      // Finished before the kill, as far as the server knew: batches before the heartbeated cursor.
      const finished = batches.filter((b) =>
        killedAt.source === 'view'
          ? b.source === 'purchase' || b.seq < killedAt.seq
          : b.source === 'purchase' && b.seq < killedAt.seq,
      )
      expect(finished.length).toBeGreaterThanOrEqual(killedAt.seq)
      // Every batch the server knew was done before the kill was read exactly once.
      expect(finished.map((b) => b.processed_count)).toEqual(finished.map(() => 1))
      // The rest were read by the new worker (a batch the dead one read after its last heartbeat twice).
      const rest = batches.filter((b) => !finished.includes(b))
      expect(rest.length).toBeGreaterThan(0)
      expect(rest.every((b) => b.processed_count <= 2)).toBe(true)
      // Nothing was lost: every view of this viewer is in the run, once.
      const views = batches
        .filter((b) => b.source === 'view')
        .flatMap((b) => b.interactions as { userId: string }[])
        .filter((i) => i.userId === viewer.id)
      expect(views).toHaveLength(VIEWS)

      // The activity was retried once (attempt 2) on the new worker, which completed it.
      const history = await handle.fetchHistory()
      const attempts = (history.events ?? []).flatMap((e) =>
        e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : [],
      )
      expect(attempts).toContain(2)
    })
  }, 180_000)
})
