import type { Payload } from '@temporalio/common'
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow'
import { REQUEST_ID_HEADER } from '../request-context'

/**
 * Workflow interceptors (bundled with every workflow): the request-id header a workflow was
 * started with is passed on to each activity and child workflow it schedules, so their logs carry it.
 * State lives in the factory's closure: the factory runs once per workflow execution.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  let requestId: Payload | undefined
  const withRequestId = <T extends { headers: Record<string, Payload> }>(input: T): T =>
    requestId && !input.headers[REQUEST_ID_HEADER]
      ? { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: requestId } }
      : input
  return {
    inbound: [
      {
        execute(input, next) {
          requestId = input.headers[REQUEST_ID_HEADER]
          return next(input)
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next(withRequestId(input)),
        scheduleLocalActivity: (input, next) => next(withRequestId(input)),
        startChildWorkflowExecution: (input, next) => next(withRequestId(input)),
      },
    ],
  }
}
