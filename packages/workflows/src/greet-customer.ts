import { defineQuery } from '@temporalio/workflow'
import type { Duration } from '@temporalio/common'

/** Input of greetCustomerWorkflow: who to greet and how long to wait before the follow-up. */
export interface GreetCustomerInput {
  customerId: string
  name: string
  /** Durable timer between the welcome and the follow-up greeting, e.g. `'1 day'` or `50` (ms). */
  followUpAfter: Duration
}

/** One greeting a customer received, with the workflow time at which it was composed. */
export interface Greeting {
  step: GreetingStep
  text: string
  at: number
}

export type GreetingStep = 'welcome' | 'follow-up'

/** What greetCustomerWorkflow returns once both greetings are sent. */
export interface GreetCustomerResult {
  customerId: string
  greetings: Greeting[]
  /** Workflow time between start and completion, in milliseconds (includes the durable timer). */
  elapsedMs: number
}

/** Live state exposed by the `greetCustomerStatus` query. */
export interface GreetCustomerStatus {
  stage: 'welcoming' | 'waiting' | 'following-up' | 'done'
  greetings: Greeting[]
}

export interface ComposeGreetingInput {
  name: string
  step: GreetingStep
}

export interface RecordGreetingInput {
  customerId: string
  /** Idempotency key of the write: the workflow id plus the step. */
  workflowId: string
  step: GreetingStep
  text: string
}

/** Activities greetCustomerWorkflow calls; implemented by the worker over its dependencies. */
export interface GreetingActivities {
  composeGreeting(input: ComposeGreetingInput): Promise<string>
  /** Stores the greeting; returns how many distinct greetings the customer has received. */
  recordGreeting(input: RecordGreetingInput): Promise<number>
}

/** Query returning the live GreetCustomerStatus of a running or finished workflow. */
export const greetCustomerStatusQuery = defineQuery<GreetCustomerStatus>('greetCustomerStatus')

/** Workflow id derived from the business key, so starting twice for one customer cannot greet twice. */
export function greetCustomerWorkflowId(customerId: string): string {
  return `greet-customer-${customerId}`
}
