export * from './log-context'
export * from './metrics'
export * from './metric-samples'
export * from './tracing'
