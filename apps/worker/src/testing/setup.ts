import { DefaultLogger, Runtime } from '@temporalio/worker'

// Keep test output readable: the Temporal runtime logs worker state changes at INFO.
// No shutdown signals in tests; each test stops its own worker.
Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] })
