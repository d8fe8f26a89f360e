import { randomUUID } from 'node:crypto'
import type { Config, Logger } from '@emporium/infra'
import {
  closeWorkerDeps,
  createActivities,
  createWorker,
  createWorkerDeps,
  type WorkerDeps,
} from '@emporium/worker'
import { NativeConnection } from '@temporalio/worker'
import { startApiServer, type RunningApi } from '../server'

export interface ApiWithWorker {
  api: RunningApi
  workerDeps: WorkerDeps
  close(): Promise<void>
}

/**
 * The API on a free port plus an in-process worker polling its task queue
 * (`config.TEMPORAL_TASK_QUEUE`), so checkouts placed through the API run end to end.
 * `adaptWorkerDeps` swaps what a test needs (the gateway, a capturing logger).
 */
export async function startApiWithWorker(
  config: Config,
  options: { adaptWorkerDeps?: (deps: WorkerDeps) => WorkerDeps; workerLogger?: Logger } = {},
): Promise<ApiWithWorker> {
  const api = await startApiServer({ config, port: 0, rateLimitNamespace: randomUUID() })
  const created = createWorkerDeps(config)
  const workerDeps = options.adaptWorkerDeps?.(created) ?? created
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS })
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createActivities(workerDeps),
    ...(options.workerLogger ? { logger: options.workerLogger } : {}),
  })
  const running = worker.run()
  return {
    api,
    workerDeps,
    async close() {
      worker.shutdown()
      await running
      await connection.close()
      await closeWorkerDeps(workerDeps)
      await api.close()
    },
  }
}
