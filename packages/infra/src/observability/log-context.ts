import { AsyncLocalStorage } from 'node:async_hooks'

/** Correlation fields every log line of one request, workflow task or activity carries. */
export interface LogContext {
  requestId?: string
  workflowId?: string
  runId?: string
  activityType?: string
  activityId?: string
  attempt?: number
}

const storage = new AsyncLocalStorage<LogContext>()

/** Runs `fn` with `fields` added to the current log context (pino's mixin reads it for every line). */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn)
}

/** The correlation fields of the code running now (empty outside a request or activity). */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {}
}
