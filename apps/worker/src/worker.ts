import { createLogger, type Logger } from '@emporium/infra'
import { workflowInterceptorModules, workflowsPath } from '@emporium/workflows'
import {
  bundleWorkflowCode,
  DefaultLogger,
  Worker,
  type NativeConnection,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker'

import { activityObserver } from './observability/activity-observer'
import { activityTracing, workflowTracingSinks } from './observability/tracing-interceptors'

let sharedBundle: Promise<WorkflowBundleWithSourceMap> | undefined

/** Bundles the workflows of @emporium/workflows once per process; later calls reuse the same bundle. */
export function getWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  sharedBundle ??= bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules,
    logger: new DefaultLogger('WARN'),
  }).catch((error: unknown) => {
    sharedBundle = undefined
    throw error
  })
  return sharedBundle
}

export interface CreateWorkerOptions {
  connection: NativeConnection
  namespace: string
  taskQueue: string
  activities: object
  /** Prebuilt bundle (e.g. from a test's global setup); defaults to the process-wide one. */
  workflowBundle?: WorkerOptions['workflowBundle']
  /** Activity logs and metrics go here (request id, workflow id, activity type on each line); unset = activity lines are not logged (metrics still are). */
  logger?: Logger
  /** Extra Worker options (e.g. `shutdownGraceTime`). */
  overrides?: Partial<Omit<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'activities'>>
}

/** Creates a Temporal worker polling `taskQueue` with every Emporium workflow and the given activities. */
export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    workflowBundle: options.workflowBundle ?? (await getWorkflowBundle()),
    shutdownGraceTime: '10 seconds',
    sinks: workflowTracingSinks(),
    interceptors: {
      activity: [
        activityTracing,
        activityObserver(options.logger ?? createLogger({ LOG_LEVEL: 'silent' }, 'worker')),
      ],
    },
    ...options.overrides,
  })
}
