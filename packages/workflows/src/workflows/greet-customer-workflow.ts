import { proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow'
import {
  greetCustomerStatusQuery,
  type GreetCustomerInput,
  type GreetCustomerResult,
  type GreetCustomerStatus,
  type GreetingActivities,
  type GreetingStep,
} from '../greet-customer'

const { composeGreeting, recordGreeting } = proxyActivities<GreetingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
})

/** Welcomes a customer, waits on a durable timer, then sends a follow-up greeting. */
export async function greetCustomerWorkflow(
  input: GreetCustomerInput,
): Promise<GreetCustomerResult> {
  // Date.now() is deterministic inside workflows: it is the workflow task's time, replayed from history.
  const startedAt = Date.now()
  const status: GreetCustomerStatus = { stage: 'welcoming', greetings: [] }
  setHandler(greetCustomerStatusQuery, () => status)

  const greet = async (step: GreetingStep): Promise<void> => {
    const text = await composeGreeting({ name: input.name, step })
    await recordGreeting({
      customerId: input.customerId,
      workflowId: workflowInfo().workflowId,
      step,
      text,
    })
    status.greetings.push({ step, text, at: Date.now() })
  }

  await greet('welcome')
  status.stage = 'waiting'
  await sleep(input.followUpAfter)
  status.stage = 'following-up'
  await greet('follow-up')
  status.stage = 'done'

  return {
    customerId: input.customerId,
    greetings: status.greetings,
    elapsedMs: Date.now() - startedAt,
  }
}
