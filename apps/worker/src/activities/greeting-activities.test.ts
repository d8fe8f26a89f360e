import { randomUUID } from 'node:crypto'
import { createLogger, createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGreetingActivities, greetingsKey } from './greeting-activities'

describe('greeting activities (real Redis)', () => {
  const config = testConfig()
  let redis: Redis
  let activities: ReturnType<typeof createGreetingActivities>

  beforeAll(() => {
    redis = createRedis(config)
    activities = createGreetingActivities({ redis, logger: createLogger(config, 'worker-test') })
  })
  afterAll(async () => {
    await redis.quit()
  })

  it('composes a greeting per step', async () => {
    await expect(activities.composeGreeting({ name: 'Ada', step: 'welcome' })).resolves.toBe(
      'Welcome to Emporium, Ada!',
    )
    await expect(activities.composeGreeting({ name: 'Ada', step: 'follow-up' })).resolves.toBe(
      'Still here for you, Ada: happy shopping!',
    )
  })

  it('records each step once, even when the activity is retried', async () => {
    const customerId = randomUUID()
    const record = { customerId, workflowId: `greet-customer-${customerId}`, text: 'Hello' }
    try {
      await expect(activities.recordGreeting({ ...record, step: 'welcome' })).resolves.toBe(1)
      await expect(activities.recordGreeting({ ...record, step: 'welcome' })).resolves.toBe(1)
      await expect(activities.recordGreeting({ ...record, step: 'follow-up' })).resolves.toBe(2)
      expect(await redis.hgetall(greetingsKey(customerId))).toEqual({
        [`${record.workflowId}:welcome`]: 'Hello',
        [`${record.workflowId}:follow-up`]: 'Hello',
      })
    } finally {
      await redis.del(greetingsKey(customerId))
    }
  })
})
