import { randomUUID } from 'node:crypto'
import { createDb, reserveStock, type Db } from '@emporium/db'
import { insertTestStock, insertTestVariant, insertTestWarehouse } from '@emporium/db/testing'
import {
  closeFlashSale,
  createLogger,
  createRedis,
  flashSaleUnits,
  openFlashSale,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { WORKFLOW_TYPES } from '@emporium/workflows'
import type { releaseExpiredReservationsWorkflow } from '@emporium/workflows/workflows'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInventoryActivities } from './activities/inventory-activities'
import { ensureSchedule, releaseExpiredReservationsSchedule } from './schedules/ensure-schedules'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

describe('releaseExpiredReservationsWorkflow on the Temporal dev server', () => {
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

  /** A flash-sale variant with 5 on hand, 2 of them held by a reservation that has already expired. */
  async function expiredFlashSaleReservation() {
    const { variantId } = await insertTestVariant(db)
    const warehouse = await insertTestWarehouse(db)
    await insertTestStock(db, variantId, warehouse, 5)
    await openFlashSale(redis, variantId, 3) // 5 units, 2 admitted and reserved below
    const ownerKey = `checkout-${randomUUID()}`
    const reserved = await reserveStock(db, {
      ownerKey,
      lines: [{ variantId, quantity: 2 }],
      shippingRegion: 'EU',
      expiresAt: new Date(Date.now() - 1_000),
    })
    expect(reserved.ok).toBe(true)
    const state = async () => ({
      status: (
        await db
          .selectFrom('reservations')
          .select('status')
          .where('owner_key', '=', ownerKey)
          .executeTakeFirstOrThrow()
      ).status,
      reserved: (
        await db
          .selectFrom('inventory_levels')
          .select('reserved')
          .where('variant_id', '=', variantId)
          .executeTakeFirstOrThrow()
      ).reserved,
      gate: await flashSaleUnits(redis, variantId),
    })
    return { variantId, state }
  }

  async function inventoryWorker(taskQueue: string) {
    return createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createInventoryActivities({
        db,
        redis,
        logger: createLogger(config, 'worker-test'),
      }),
      workflowBundle: await testWorkflowBundle(),
    })
  }

  it('releases an expired reservation and gives its units back to the flash-sale gate', async () => {
    const taskQueue = uniqueTaskQueue('expire')
    const { variantId, state } = await expiredFlashSaleReservation()
    expect(await state()).toEqual({ status: 'active', reserved: 2, gate: 3 })
    const worker = await inventoryWorker(taskQueue)
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof releaseExpiredReservationsWorkflow>(
        WORKFLOW_TYPES.releaseExpiredReservations,
        {
          taskQueue,
          workflowId: `expire-${randomUUID()}`,
          args: [{ batchSize: 500, maxBatches: 5 }],
        },
      ),
    )
    expect(result.released).toBeGreaterThanOrEqual(1)
    expect(await state()).toEqual({ status: 'expired', reserved: 0, gate: 5 })
    await closeFlashSale(redis, variantId)
  })

  it('the schedule is created once, updated on a second ensure, and its runs release expired reservations', async () => {
    const taskQueue = uniqueTaskQueue('schedule')
    const options = releaseExpiredReservationsSchedule(taskQueue, `test-expiry-${randomUUID()}`)
    expect(await ensureSchedule(env.client, options)).toBe('created')
    const handle = env.client.schedule.getHandle(options.scheduleId)
    try {
      expect(await ensureSchedule(env.client, options)).toBe('updated')
      const description = await handle.describe()
      expect(description.spec.intervals?.map((i) => i.every)).toEqual([60_000])
      expect(description.action).toMatchObject({
        workflowType: WORKFLOW_TYPES.releaseExpiredReservations,
        taskQueue,
      })

      const { variantId, state } = await expiredFlashSaleReservation()
      const worker = await inventoryWorker(taskQueue)
      await worker.runUntil(async () => {
        await handle.trigger()
        await expect
          .poll(state, { timeout: 20_000, interval: 200 })
          .toEqual({ status: 'expired', reserved: 0, gate: 5 })
      })
      await closeFlashSale(redis, variantId)
    } finally {
      await handle.delete()
    }
  })
})
