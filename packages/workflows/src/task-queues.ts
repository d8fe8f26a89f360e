/** Task queue of the main worker when TEMPORAL_TASK_QUEUE is not set. */
export const DEFAULT_TASK_QUEUE = 'emporium'

/** Workflow type names, as the server records them in histories; renaming one breaks running workflows. */
export const WORKFLOW_TYPES = {
  greetCustomer: 'greetCustomerWorkflow',
  releaseExpiredReservations: 'releaseExpiredReservationsWorkflow',
  checkout: 'checkoutWorkflow',
  refund: 'refundWorkflow',
  paymentReconciliation: 'paymentReconciliationWorkflow',
  cartAbandonment: 'cartAbandonmentWorkflow',
  dailyRecommendations: 'dailyRecommendationsWorkflow',
} as const

export type WorkflowType = (typeof WORKFLOW_TYPES)[keyof typeof WORKFLOW_TYPES]

/** A task queue isolated from other workers (one per test run or tool invocation), derived from a base name. */
export function isolatedTaskQueue(base: string, label: string): string {
  return `${base}-${label}`
}
