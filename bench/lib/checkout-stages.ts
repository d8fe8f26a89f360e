import type { TemporalClient } from '@emporium/infra'
import proto from '@temporalio/proto'

/** Mean time an activity waited for a worker slot and then ran, in ms. */
export interface StageTimes {
  queue_ms: number
  run_ms: number
}

const EventType = proto.temporal.api.enums.v1.EventType

const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : 0

/** Per activity type, the mean schedule→start and start→close times over these workflows' histories. */
export async function activityStages(
  client: TemporalClient,
  workflowIds: readonly string[],
): Promise<Record<string, StageTimes>> {
  const sums = new Map<string, { queue: number; run: number; n: number }>()
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory()
    const scheduled = new Map<number, { type: string; at: number }>()
    const startedAt = new Map<number, number>()
    for (const event of history.events ?? []) {
      const at = ms(event.eventTime)
      const eventId = Number(event.eventId)
      if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        const type = event.activityTaskScheduledEventAttributes?.activityType?.name ?? '?'
        scheduled.set(eventId, { type, at })
      } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        startedAt.set(Number(event.activityTaskStartedEventAttributes?.scheduledEventId), at)
      } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        const scheduledId = Number(event.activityTaskCompletedEventAttributes?.scheduledEventId)
        const s = scheduled.get(scheduledId)
        const start = startedAt.get(scheduledId)
        if (!s || start === undefined) continue
        const sum = sums.get(s.type) ?? { queue: 0, run: 0, n: 0 }
        sum.queue += start - s.at
        sum.run += at - start
        sum.n += 1
        sums.set(s.type, sum)
      }
    }
  }
  return Object.fromEntries(
    [...sums].map(([type, s]) => [
      type,
      { queue_ms: Number((s.queue / s.n).toFixed(1)), run_ms: Number((s.run / s.n).toFixed(1)) },
    ]),
  )
}
