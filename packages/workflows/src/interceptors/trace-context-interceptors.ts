import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation'
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow'
import type { Payload } from '@temporalio/common'
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow'

const carriesTrace = (input: { headers: Record<string, Payload> }) => TRACE_HEADER in input.headers

/**
 * Workflow interceptors (bundled with every workflow): OpenTelemetry spans for a workflow started
 * with a trace context (the API's client interceptor adds one while tracing is on) — its run, the
 * activities and child workflows it starts, which carry the context on to the worker's activity
 * spans. A workflow started without one (tracing off, schedules, tests) runs untouched, so no
 * worker has to collect spans it never asked for. The choice follows the start headers, which are
 * in the history, so replay takes the same path.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  let traced = false
  let inbound: OpenTelemetryInboundInterceptor | undefined
  let outbound: OpenTelemetryOutboundInterceptor | undefined
  const otelInbound = () => (inbound ??= new OpenTelemetryInboundInterceptor())
  const otelOutbound = () => (outbound ??= new OpenTelemetryOutboundInterceptor())
  return {
    inbound: [
      {
        execute(input, next) {
          traced = carriesTrace(input)
          return traced ? otelInbound().execute(input, next) : next(input)
        },
        handleSignal: (input, next) =>
          carriesTrace(input) ? otelInbound().handleSignal(input, next) : next(input),
        handleUpdate: (input, next) =>
          carriesTrace(input) ? otelInbound().handleUpdate(input, next) : next(input),
        validateUpdate: (input, next) =>
          carriesTrace(input) ? otelInbound().validateUpdate(input, next) : next(input),
        handleQuery: (input, next) =>
          carriesTrace(input) ? otelInbound().handleQuery(input, next) : next(input),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) =>
          traced ? otelOutbound().scheduleActivity(input, next) : next(input),
        scheduleLocalActivity: (input, next) =>
          traced ? otelOutbound().scheduleLocalActivity(input, next) : next(input),
        startChildWorkflowExecution: (input, next) =>
          traced ? otelOutbound().startChildWorkflowExecution(input, next) : next(input),
        continueAsNew: (input, next) =>
          traced ? otelOutbound().continueAsNew(input, next) : next(input),
        signalWorkflow: (input, next) =>
          traced ? otelOutbound().signalWorkflow(input, next) : next(input),
        getLogAttributes: (input, next) =>
          traced ? otelOutbound().getLogAttributes(input, next) : next(input),
      },
    ],
    internals: [
      {
        dispose(input, next) {
          // Its promise only wraps the synchronous `next` and never rejects.
          if (inbound || outbound) void new OpenTelemetryInternalsInterceptor().dispose(input, next)
          else next(input)
        },
      },
    ],
  }
}
