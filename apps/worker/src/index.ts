export { createActivities, type Activities } from './activities'
export { closeWorkerDeps, createWorkerDeps, type WorkerDeps } from './deps'
export { createWorker, getWorkflowBundle, type CreateWorkerOptions } from './worker'
