import {
  PAYMENT_RECONCILIATION_SCHEDULE_ID,
  WORKFLOW_TYPES,
  type PaymentReconciliationInput,
} from '@emporium/workflows'
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client'

/** What each scheduled sweep compares: two days of payments, leaving the last 10 minutes to their checkouts. */
export const SCHEDULED_RECONCILIATION: PaymentReconciliationInput = {
  lookbackMs: 48 * 3600_000,
  minAgeMs: 10 * 60_000,
  batchSize: 200,
  maxBatches: 50,
}

/** The payment reconciliation sweep's schedule: every 15 minutes, never two at once. */
export function paymentReconciliationSchedule(
  taskQueue: string,
  scheduleIdFor: (base: string, taskQueue: string) => string,
): ScheduleOptions {
  const scheduleId = scheduleIdFor(PAYMENT_RECONCILIATION_SCHEDULE_ID, taskQueue)
  return {
    scheduleId,
    spec: { intervals: [{ every: '15 minutes' }] },
    action: {
      type: 'startWorkflow',
      workflowType: WORKFLOW_TYPES.paymentReconciliation,
      workflowId: scheduleId,
      taskQueue,
      args: [SCHEDULED_RECONCILIATION],
      workflowExecutionTimeout: '30 minutes',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '15 minutes' },
  }
}
