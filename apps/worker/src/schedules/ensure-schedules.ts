import {
  DAILY_RECOMMENDATIONS_SCHEDULE_ID,
  DEFAULT_TASK_QUEUE,
  LIVE_RECOMMENDATION_CHANNEL,
  RELEASE_EXPIRED_RESERVATIONS_SCHEDULE_ID,
  WORKFLOW_TYPES,
  type DailyRecommendationsInput,
  type ReleaseExpiredReservationsInput,
} from '@emporium/workflows'
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client'
import { paymentReconciliationSchedule } from './payment-reconciliation-schedule'

/**
 * Schedule id for the workers of `taskQueue`: the plain id on the shop's queue; a worker on an
 * isolated queue (a test, a tool) gets its own, so it never repoints the shop's schedule.
 */
export function scheduleIdFor(base: string, taskQueue: string): string {
  return taskQueue === DEFAULT_TASK_QUEUE ? base : `${base}-${taskQueue}`
}

/** The expiry sweep's schedule: every minute, never two sweeps at once. */
export function releaseExpiredReservationsSchedule(
  taskQueue: string,
  scheduleId = scheduleIdFor(RELEASE_EXPIRED_RESERVATIONS_SCHEDULE_ID, taskQueue),
): ScheduleOptions {
  const input: ReleaseExpiredReservationsInput = { batchSize: 500, maxBatches: 20 }
  return {
    scheduleId,
    spec: { intervals: [{ every: '1 minute' }] },
    action: {
      type: 'startWorkflow',
      workflowType: WORKFLOW_TYPES.releaseExpiredReservations,
      workflowId: scheduleId,
      taskQueue,
      args: [input],
      workflowExecutionTimeout: '5 minutes',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
  }
}

/** The recommendation job's schedule: daily at 03:30 UTC (quiet hours), one run at a time. */
export function dailyRecommendationsSchedule(
  taskQueue: string,
  scheduleId = scheduleIdFor(DAILY_RECOMMENDATIONS_SCHEDULE_ID, taskQueue),
  input: DailyRecommendationsInput = {
    channel: LIVE_RECOMMENDATION_CHANNEL,
    batchSize: 5_000,
    listSize: 30,
    currency: 'USD',
  },
): ScheduleOptions {
  return {
    scheduleId,
    spec: { calendars: [{ hour: 3, minute: 30 }] },
    action: {
      type: 'startWorkflow',
      workflowType: WORKFLOW_TYPES.dailyRecommendations,
      workflowId: scheduleId,
      taskQueue,
      args: [input],
      workflowExecutionTimeout: '6 hours',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
  }
}

/**
 * Creates the schedule, or brings an existing one up to date (spec, action, policies), so every
 * worker start converges on the same single schedule however many workers start at once.
 */
export async function ensureSchedule(
  client: Client,
  options: ScheduleOptions,
): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create(options)
    return 'created'
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: { ...previous.policies, ...options.policies },
    }))
    return 'updated'
  }
}

/** Every schedule the worker owns, ensured at startup. */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  await ensureSchedule(client, releaseExpiredReservationsSchedule(taskQueue))
  await ensureSchedule(client, paymentReconciliationSchedule(taskQueue, scheduleIdFor))
  await ensureSchedule(client, dailyRecommendationsSchedule(taskQueue))
}
