import type { GreetingActivities } from '@emporium/workflows'
import type { WorkerDeps } from '../deps'

/** Redis hash holding every greeting sent to one customer, keyed by `<workflowId>:<step>`. */
export function greetingsKey(customerId: string): string {
  return `greetings:${customerId}`
}

/** Activities of greetCustomerWorkflow: a pure composer and an idempotent Redis write. */
export function createGreetingActivities({
  redis,
  logger,
}: Pick<WorkerDeps, 'redis' | 'logger'>): GreetingActivities {
  return {
    composeGreeting({ name, step }) {
      const text =
        step === 'welcome'
          ? `Welcome to Emporium, ${name}!`
          : `Still here for you, ${name}: happy shopping!`
      return Promise.resolve(text)
    },
    async recordGreeting({ customerId, workflowId, step, text }) {
      const key = greetingsKey(customerId)
      // HSET on a field derived from workflow id + step: a retried activity overwrites, never duplicates.
      await redis.hset(key, `${workflowId}:${step}`, text)
      const count = await redis.hlen(key)
      logger.info({ customerId, workflowId, step, count }, 'greeting recorded')
      return count
    },
  }
}
