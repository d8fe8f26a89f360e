import { createRequire } from 'node:module'
import { context, propagation, trace } from '@opentelemetry/api'
import { setGlobalErrorHandler } from '@opentelemetry/core'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg'
import { Resource } from '@opentelemetry/resources'
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import type { Config } from '../config'
import type { Logger } from '../logger'

/** OpenTelemetry tracing of one process; `shutdown` flushes what is buffered and switches it off. */
export interface Tracing {
  enabled: boolean
  /** Hands every finished span to the exporter now (tests, and before exit). */
  flush: () => Promise<void>
  shutdown: () => Promise<void>
}

const disabled: Tracing = { enabled: false, flush: async () => {}, shutdown: async () => {} }

let active: SpanProcessor | undefined

/**
 * Span processor of whatever tracing this process runs, for spans made elsewhere (workflow spans
 * leave the Temporal sandbox through a sink); while tracing is off they are dropped.
 */
export const currentSpanProcessor: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span: ReadableSpan) => active?.onEnd(span),
  forceFlush: async () => active?.forceFlush(),
  shutdown: () => Promise.resolve(),
}

function exporterFor(config: TracingConfig): SpanExporter | undefined {
  switch (config.OTEL_TRACES_EXPORTER) {
    case 'none':
      return undefined
    case 'console':
      return new ConsoleSpanExporter()
    case 'otlp':
      return new OTLPTraceExporter({
        url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`,
      })
  }
}

export type TracingConfig = Pick<Config, 'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT'>

/**
 * Starts tracing for this process as `serviceName`: spans go to the exporter OTEL_TRACES_EXPORTER
 * names (or `options.exporter`, exported one by one, for tests), W3C trace context is propagated,
 * and each PostgreSQL query made inside a span becomes a child span. Nothing happens when the
 * exporter is `none`. One tracing per process at a time. Spans that cannot be exported (collector
 * down) are logged as warnings to `options.logger`; `shutdown` rejects if the last flush fails.
 */
export function startTracing(
  config: TracingConfig,
  serviceName: string,
  options: { exporter?: SpanExporter; logger?: Logger } = {},
): Tracing {
  const exporter = options.exporter ?? exporterFor(config)
  if (!exporter) return disabled
  if (active) throw new Error('Tracing is already started in this process.')
  // An OTLP collector gets batches; a console or test exporter sees each span as it ends.
  const processor =
    config.OTEL_TRACES_EXPORTER === 'otlp' && !options.exporter
      ? new BatchSpanProcessor(exporter)
      : new SimpleSpanProcessor(exporter)
  const provider = new NodeTracerProvider({
    resource: serviceResource(serviceName),
    spanProcessors: [processor],
  })
  provider.register()
  const { logger } = options
  if (logger)
    setGlobalErrorHandler((error) => logger.warn({ err: error }, 'tracing: spans not exported'))
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    // Queries outside any traced operation (pollers, the outbox relay) would each be a trace of their own.
    instrumentations: [new PgInstrumentation({ requireParentSpan: true })],
  })
  // pg is CommonJS imported from ES modules, which the instrumentation's require hook does not see.
  // Requiring it once through that hook patches its shared Client prototype, however it was loaded.
  createRequire(import.meta.url)('pg')
  active = processor
  return {
    enabled: true,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      active = undefined
      unregister()
      await provider.shutdown()
      trace.disable()
      context.disable()
      propagation.disable()
    },
  }
}

/** The resource (service name) spans of `serviceName` are exported under. */
export const serviceResource = (serviceName: string): Resource =>
  new Resource({ 'service.name': serviceName })
