import { currentSpanProcessor, serviceResource } from '@emporium/infra'
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry'
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker'
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry'

/**
 * A span per activity run, a child of the workflow's span when the activity was scheduled with a
 * trace context; its PostgreSQL queries become children of it. Log lines get the trace id.
 */
export const activityTracing: ActivityInterceptorsFactory = (ctx) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
})

/** The sink workflow spans leave the sandbox through, into this process's tracing (if started). */
export const workflowTracingSinks = (): InjectedSinks<{
  exporter: OpenTelemetryWorkflowExporter
}> => ({
  exporter: makeWorkflowExporter(currentSpanProcessor, serviceResource('emporium-worker')),
})
