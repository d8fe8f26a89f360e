export * from './greet-customer'
export * from './task-queues'
export { workflowsPath } from './workflows-path'
export * from './release-expired-reservations'
