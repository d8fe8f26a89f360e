import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { createDb, recordOutboxEvent, type Db } from '@emporium/db'
import { createRedis, createTemporalClient, type Redis, type TemporalClient } from '@emporium/infra'
import { TEST_ENV, testConfig } from '@emporium/infra/testing'
import { greetCustomerWorkflowId, WORKFLOW_TYPES } from '@emporium/workflows'
import type { greetCustomerWorkflow } from '@emporium/workflows/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { greetingsKey } from './activities/greeting-activities'
import { uniqueTaskQueue } from './testing/temporal'

const workerDir = new URL('..', import.meta.url)
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

describe('worker process (tsx src/main.ts)', () => {
  const config = testConfig()
  let client: TemporalClient
  let redis: Redis
  let db: Db

  beforeAll(async () => {
    client = await createTemporalClient(config)
    redis = createRedis(config)
    db = createDb(config.DATABASE_URL, 2)
  })
  afterAll(async () => {
    await client?.connection.close()
    await redis?.quit()
    await db?.destroy()
  })

  /** An order event no handler acts on (delivered), of an aggregate of its own. */
  const deliveredEvent = (orderId: string) =>
    recordOutboxEvent(db, {
      aggregateType: 'order',
      aggregateId: orderId,
      eventType: 'order.delivered',
      payload: { orderId, orderNumber: 'T-1', userId: randomUUID(), fulfillmentId: randomUUID() },
    })
  const publishedAt = async (id: number) =>
    (
      await db
        .selectFrom('outbox')
        .select('published_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).published_at

  it('runs workflows on its task queue, then exits 0 soon after SIGTERM', async () => {
    const taskQueue = uniqueTaskQueue('main')
    // The relay is confined to this test's aggregate (OUTBOX_RELAY_AGGREGATE_IDS, proven in
    // outbox-relay.test.ts): other tests' outbox events on the shared database stay theirs.
    const ownOrderId = randomUUID()
    const own = await deliveredEvent(ownOrderId)
    // The same command as `npm start`: tsx relays signals to the Node process it starts.
    const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
      cwd: workerDir,
      env: {
        ...TEST_ENV,
        ...process.env,
        TEMPORAL_TASK_QUEUE: taskQueue,
        LOG_LEVEL: 'info',
        OUTBOX_RELAY_AGGREGATE_IDS: ownOrderId,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>

    try {
      const customerId = randomUUID()
      const execution = client.workflow.execute<typeof greetCustomerWorkflow>(
        WORKFLOW_TYPES.greetCustomer,
        {
          taskQueue,
          workflowId: greetCustomerWorkflowId(customerId),
          args: [{ customerId, name: 'Linus', followUpAfter: 0 }],
        },
      )
      const outcome = await Promise.race([
        execution.then((result) => ({ result })),
        exited.then(([code, signal]) => ({ code, signal })),
      ])
      if (!('result' in outcome)) {
        throw new Error(
          `worker exited before the workflow finished (code ${outcome.code}, signal ${outcome.signal})`,
        )
      }
      const { result } = outcome
      expect(result.greetings.map((g) => g.step)).toEqual(['welcome', 'follow-up'])
      await redis.del(greetingsKey(customerId))
      await expect.poll(() => publishedAt(own), { timeout: 10_000 }).not.toBeNull()
    } catch (error) {
      child.kill('SIGKILL')
      throw new Error(`worker output:\n${output}`, { cause: error })
    }

    const signalledAt = performance.now()
    child.kill('SIGTERM')
    const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const [code, signal] = await exited
    clearTimeout(timeout)

    expect({ code, signal }, output).toEqual({ code: 0, signal: null })
    expect(performance.now() - signalledAt).toBeLessThan(15_000)
    expect(output).toContain('worker stopped')
  })
})
