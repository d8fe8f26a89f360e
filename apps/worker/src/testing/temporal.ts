import { randomUUID } from 'node:crypto'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TASK_QUEUE, isolatedTaskQueue } from '@emporium/workflows'
import { inject } from 'vitest'
import { getWorkflowBundle } from '../worker'

/** The Java time-skipping test server launcher installed by `npm run stack`, or TEMPORAL_TEST_SERVER_PATH. */
export function timeSkippingServerPath(): string {
  return (
    process.env.TEMPORAL_TEST_SERVER_PATH ?? `${homedir()}/.cache/emporium/bin/temporal-test-server`
  )
}

/** A task queue no other worker polls, so parallel test runs on the shared dev server never steal tasks. */
export function uniqueTaskQueue(label: string): string {
  return isolatedTaskQueue(DEFAULT_TASK_QUEUE, `test-${label}-${randomUUID()}`)
}

/** Bundle entry of the deliberately non-deterministic greetCustomerWorkflow used by replay tests. */
export const nondeterministicWorkflowsPath = fileURLToPath(
  new URL('./nondeterministic-greet-workflow.ts', import.meta.url),
)

/** Workflow bundle of the test run: built once by vitest's global setup, else bundled in this process. */
export async function testWorkflowBundle(): Promise<{ code: string }> {
  const code = inject('workflowBundleCode')
  return code ? { code } : getWorkflowBundle()
}
