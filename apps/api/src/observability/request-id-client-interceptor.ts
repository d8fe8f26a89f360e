import { currentLogContext } from '@emporium/infra'
import { REQUEST_ID_HEADER, requestIdPayload } from '@emporium/workflows'
import type { Headers } from '@temporalio/common'
import type { WorkflowClientInterceptor } from '@temporalio/client'

/** Adds the current request's id (from the log context) to a workflow start's headers. */
function withRequestId(headers: Headers): Headers {
  const { requestId } = currentLogContext()
  if (!requestId || headers[REQUEST_ID_HEADER]) return headers
  return { ...headers, [REQUEST_ID_HEADER]: requestIdPayload(requestId) }
}

/**
 * Temporal client interceptor of the API: every workflow a request starts carries that request's
 * id in its headers; the workflow interceptors pass it on to activities, whose logs show it.
 */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders) }),
}
