import { randomUUID } from 'node:crypto'
import { createLogger, createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import {
  greetCustomerStatusQuery,
  greetCustomerWorkflowId,
  WORKFLOW_TYPES,
} from '@emporium/workflows'
import type { greetCustomerWorkflow } from '@emporium/workflows/workflows'
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGreetingActivities, greetingsKey } from './activities/greeting-activities'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

describe('greetCustomerWorkflow on the Temporal dev server', () => {
  const config = testConfig()
  let env: TestWorkflowEnvironment
  let redis: Redis

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
    })
    redis = createRedis(config)
  })
  afterAll(async () => {
    await redis?.quit()
    await env?.teardown()
  })

  it('greets, waits on the timer, follows up, and answers status queries', async () => {
    const taskQueue = uniqueTaskQueue('greet')
    const customerId = randomUUID()
    const workflowId = greetCustomerWorkflowId(customerId)
    const worker = await createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createGreetingActivities({ redis, logger: createLogger(config, 'worker-test') }),
      workflowBundle: await testWorkflowBundle(),
    })

    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof greetCustomerWorkflow>(
        WORKFLOW_TYPES.greetCustomer,
        {
          taskQueue,
          workflowId,
          args: [{ customerId, name: 'Ada', followUpAfter: '3 seconds' }],
        },
      )
      // While the timer runs: the welcome is out, the follow-up is not, and a second start is refused.
      await expect
        .poll(() => handle.query(greetCustomerStatusQuery).then((s) => s.stage), {
          timeout: 10_000,
          interval: 100,
        })
        .toBe('waiting')
      const waiting = await handle.query(greetCustomerStatusQuery)
      expect(waiting.greetings.map((g) => g.text)).toEqual(['Welcome to Emporium, Ada!'])
      await expect(
        env.client.workflow.start<typeof greetCustomerWorkflow>(WORKFLOW_TYPES.greetCustomer, {
          taskQueue,
          workflowId,
          args: [{ customerId, name: 'Ada', followUpAfter: 0 }],
        }),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError)
      const done = await handle.result()
      expect((await handle.query(greetCustomerStatusQuery)).stage).toBe('done')
      return done
    })

    expect(result.customerId).toBe(customerId)
    expect(result.greetings.map((g) => [g.step, g.text])).toEqual([
      ['welcome', 'Welcome to Emporium, Ada!'],
      ['follow-up', 'Still here for you, Ada: happy shopping!'],
    ])
    expect(result.elapsedMs).toBeGreaterThanOrEqual(3_000)
    expect(await redis.hgetall(greetingsKey(customerId))).toEqual({
      [`${workflowId}:welcome`]: 'Welcome to Emporium, Ada!',
      [`${workflowId}:follow-up`]: 'Still here for you, Ada: happy shopping!',
    })
    await redis.del(greetingsKey(customerId))
  })
})
