import { sql } from 'kysely'
import type { Db } from '../client'
import { toJson } from '../json'
import type { OutboxEvent } from '../schema'

/** What a write records beside its change, in the same transaction. */
export interface OutboxEventInput {
  aggregateType: string
  aggregateId: string
  eventType: string
  payload: unknown
}

/** Records an event in the outbox; pass the transaction of the write it describes. Returns its id. */
export async function recordOutboxEvent(db: Db, event: OutboxEventInput): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      event_type: event.eventType,
      payload: toJson(event.payload),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Locks up to `limit` due events, oldest first, skipping rows another relay holds. Only the oldest
 * unpublished event of each aggregate is eligible, so while one relay works on it no relay can take
 * a later event of the same aggregate: per-aggregate order holds with any number of relays.
 * Call inside a transaction and keep it open until the events are marked. `aggregateIds`, when
 * given, narrows the claim to those aggregates (a relay confined to its own events).
 */
export function claimOutboxEvents(
  trx: Db,
  options: {
    aggregateTypes: readonly string[]
    limit: number
    aggregateIds?: readonly string[]
  },
): Promise<OutboxEvent[]> {
  const { aggregateIds } = options
  if (options.aggregateTypes.length === 0 || aggregateIds?.length === 0) return Promise.resolve([])
  return trx
    .selectFrom('outbox')
    .selectAll('outbox')
    .where('outbox.published_at', 'is', null)
    .where('outbox.available_at', '<=', sql<Date>`now()`)
    .where('outbox.aggregate_type', 'in', options.aggregateTypes)
    .$if(aggregateIds !== undefined, (q) =>
      q.where('outbox.aggregate_id', 'in', aggregateIds ?? []),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox as older')
            .select(sql.lit(1).as('one'))
            .whereRef('older.aggregate_type', '=', 'outbox.aggregate_type')
            .whereRef('older.aggregate_id', '=', 'outbox.aggregate_id')
            .whereRef('older.id', '<', 'outbox.id')
            .where('older.published_at', 'is', null),
        ),
      ),
    )
    .orderBy('outbox.id')
    .limit(options.limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

/** Marks a claimed event as published. */
export async function markOutboxPublished(trx: Db, id: number): Promise<void> {
  await trx
    .updateTable('outbox')
    .set({ published_at: sql<Date>`now()`, last_error: null })
    .where('id', '=', id)
    .execute()
}

/** Records a failed publish: one more attempt, the error, and no retry before `retryInMs` has passed. */
export async function markOutboxFailed(
  trx: Db,
  id: number,
  error: string,
  retryInMs: number,
): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error,
      available_at: sql<Date>`now() + make_interval(secs => ${retryInMs / 1000})`,
    }))
    .where('id', '=', id)
    .execute()
}
