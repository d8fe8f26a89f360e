import type { Db } from '@emporium/db'

/** The outbox events of one aggregate, oldest first, as `[event_type, payload]`. */
export async function outboxEventsOf(db: Db, aggregateType: string, aggregateId: string) {
  const rows = await db
    .selectFrom('outbox')
    .select(['event_type', 'payload'])
    .where('aggregate_type', '=', aggregateType)
    .where('aggregate_id', '=', aggregateId)
    .orderBy('id')
    .execute()
  return rows.map((r) => [r.event_type, r.payload] as const)
}
