import { randomUUID } from 'node:crypto'
import { createLogger, createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { greetCustomerWorkflowId, WORKFLOW_TYPES } from '@emporium/workflows'
import type { greetCustomerWorkflow } from '@emporium/workflows/workflows'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGreetingActivities, greetingsKey } from './activities/greeting-activities'
import { testWorkflowBundle, timeSkippingServerPath, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

const ONE_DAY_MS = 24 * 60 * 60 * 1000

describe('greetCustomerWorkflow on the time-skipping test server', () => {
  const config = testConfig()
  let env: TestWorkflowEnvironment
  let redis: Redis

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
    })
    redis = createRedis(config)
  })
  afterAll(async () => {
    await redis?.quit()
    await env?.teardown()
  })

  it('sleeps a full day of workflow time in a moment of wall-clock time', async () => {
    const taskQueue = uniqueTaskQueue('time-skipping')
    const customerId = randomUUID()
    const worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      activities: createGreetingActivities({ redis, logger: createLogger(config, 'worker-test') }),
      workflowBundle: await testWorkflowBundle(),
    })

    const { result, wallMs } = await worker.runUntil(async () => {
      const wallStart = performance.now()
      const result = await env.client.workflow.execute<typeof greetCustomerWorkflow>(
        WORKFLOW_TYPES.greetCustomer,
        {
          taskQueue,
          workflowId: greetCustomerWorkflowId(customerId),
          args: [{ customerId, name: 'Grace', followUpAfter: '1 day' }],
        },
      )
      return { result, wallMs: performance.now() - wallStart }
    })

    expect(result.elapsedMs).toBeGreaterThanOrEqual(ONE_DAY_MS)
    const [welcome, followUp] = result.greetings
    expect(followUp!.at - welcome!.at).toBeGreaterThanOrEqual(ONE_DAY_MS)
    // Without time skipping this run would take a day; with it, well under a second once the JVM is
    // warm. The bound leaves room for a cold test server on a loaded two-core machine.
    expect(wallMs).toBeLessThan(10_000)
    expect(await redis.hlen(greetingsKey(customerId))).toBe(2)
    await redis.del(greetingsKey(customerId))
  })
})
