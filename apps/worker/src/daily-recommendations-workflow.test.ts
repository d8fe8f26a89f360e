import { randomUUID } from 'node:crypto'
import {
  createDb,
  currentRecommendationRun,
  readServedLists as readServedListsFromDb,
  type Db,
} from '@emporium/db'
import {
  createLogger,
  createRedis,
  readServedLists,
  servedListKey,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { WORKFLOW_TYPES, type DailyRecommendationsInput } from '@emporium/workflows'
import type { dailyRecommendationsWorkflow } from '@emporium/workflows/workflows'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRecommendationActivities } from './activities/recommendation-activities'
import { dailyRecommendationsSchedule, ensureSchedule } from './schedules/ensure-schedules'
import { insertPaidOrder, insertRecommendableProduct } from './testing/recommendation-fixtures'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

describe('dailyRecommendationsWorkflow on the Temporal dev server', () => {
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

  async function recommendationWorker(taskQueue: string) {
    return createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createRecommendationActivities({
        db,
        redis,
        logger: createLogger(config, 'worker-test'),
      }),
      workflowBundle: await testWorkflowBundle(),
    })
  }

  const input = (channel: string): DailyRecommendationsInput => ({
    channel,
    batchSize: 200,
    listSize: 10,
    currency: 'USD',
  })

  /** A is bought with B by three customers and with C by one; returns the products and one A+B buyer. */
  async function boughtTogether() {
    const [a, b, c] = await Promise.all(
      ['Kettle', 'Teapot', 'Mug'].map((label) => insertRecommendableProduct(db, label)),
    )
    if (!a || !b || !c) throw new Error('fixture products missing')
    const buyer = await insertPaidOrder(db, [a, b])
    await insertPaidOrder(db, [a, b])
    await insertPaidOrder(db, [a, b])
    await insertPaidOrder(db, [a, c])
    return { a, b, c, buyer }
  }

  it('computes item-CF, user and popular lists from paid orders and serves them from Redis and Postgres', async () => {
    const taskQueue = uniqueTaskQueue('recs')
    const channel = `test-${randomUUID()}`
    const { a, b, c, buyer } = await boughtTogether()
    const worker = await recommendationWorker(taskQueue)
    const run = () =>
      env.client.workflow.execute<typeof dailyRecommendationsWorkflow>(
        WORKFLOW_TYPES.dailyRecommendations,
        { taskQueue, workflowId: `recs-${randomUUID()}`, args: [input(channel)] },
      )
    // A worker runs once; both runs happen inside it, the checks in between.
    await worker.runUntil(async () => {
      const first = await run()
      expect(first.previousRunId).toBeNull()
      expect(first.batches).toBeGreaterThanOrEqual(1)
      expect(first.interactions).toBeGreaterThanOrEqual(8)
      expect(first.lists).toBeGreaterThan(0)
      expect(await currentRecommendationRun(db, channel)).toBe(first.runId)

      const alsoBought = { kind: 'product', subjectId: a.productId, algorithm: 'item_cf' } as const
      const forBuyer = { kind: 'user', subjectId: buyer, algorithm: 'item_cf' } as const
      const served = await readServedLists(redis, db, channel, [alsoBought, forBuyer])
      expect(served.runId).toBe(first.runId)
      // Bought together three times beats once; the buyer already has A and B, so C comes first.
      expect(
        served.lists
          .get(servedListKey(alsoBought))
          ?.slice(0, 2)
          .map((e) => e.itemId),
      ).toEqual([b.productId, c.productId])
      expect(served.lists.get(servedListKey(forBuyer))?.[0]?.itemId).toBe(c.productId)
      const fromDb = await readServedListsFromDb(db, channel, [alsoBought, forBuyer])
      expect(fromDb.runId).toBe(first.runId)
      expect(fromDb.lists.find((l) => l.kind === 'product')?.items).toEqual(
        served.lists.get(servedListKey(alsoBought)),
      )

      // The next run replaces the set; the replaced run stays readable for a grace period only.
      const second = await run()
      expect(second.previousRunId).toBe(first.runId)
      expect(await currentRecommendationRun(db, channel)).toBe(second.runId)
      expect((await readServedLists(redis, db, channel, [alsoBought])).runId).toBe(second.runId)
      const graceTtl = await redis.ttl(`recs:${channel}:run:${first.runId}`)
      expect(graceTtl).toBeGreaterThan(0)
      expect(await redis.ttl(`recs:${channel}:run:${second.runId}`)).toBe(-1)
    })
  })

  it('the daily schedule is created once, updated on a second ensure, and its run publishes lists', async () => {
    const taskQueue = uniqueTaskQueue('recs-schedule')
    const channel = `test-${randomUUID()}`
    const options = dailyRecommendationsSchedule(
      taskQueue,
      `test-recs-${randomUUID()}`,
      input(channel),
    )
    expect(await ensureSchedule(env.client, options)).toBe('created')
    const handle = env.client.schedule.getHandle(options.scheduleId)
    try {
      expect(await ensureSchedule(env.client, options)).toBe('updated')
      const description = await handle.describe()
      expect(description.spec.calendars).toMatchObject([
        { hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] },
      ])
      expect(description.action).toMatchObject({
        workflowType: WORKFLOW_TYPES.dailyRecommendations,
        taskQueue,
      })
      const worker = await recommendationWorker(taskQueue)
      await worker.runUntil(async () => {
        await handle.trigger()
        await expect
          .poll(() => currentRecommendationRun(db, channel), { timeout: 40_000, interval: 250 })
          .not.toBeNull()
      })
    } finally {
      await handle.delete()
    }
  })
})
