// Test-only workflow bundle entry: a deliberately broken edit of greetCustomerWorkflow, registered
// under the same workflow type, that records before it composes. Replaying a recorded history
// against it must fail with a DeterminismViolationError.
import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow'
import type {
  GreetCustomerInput,
  GreetCustomerResult,
  GreetingActivities,
} from '@emporium/workflows'

const { composeGreeting, recordGreeting } = proxyActivities<GreetingActivities>({
  startToCloseTimeout: '30 seconds',
})

/** Same type name as the real workflow, different command order: schedules recordGreeting first. */
export async function greetCustomerWorkflow(
  input: GreetCustomerInput,
): Promise<GreetCustomerResult> {
  const { workflowId } = workflowInfo()
  const base = { customerId: input.customerId, workflowId }
  await recordGreeting({ ...base, step: 'welcome', text: `Hi ${input.name}` })
  await composeGreeting({ name: input.name, step: 'welcome' })
  await sleep(input.followUpAfter)
  return { customerId: input.customerId, greetings: [], elapsedMs: 0 }
}
