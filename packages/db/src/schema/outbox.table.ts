import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumn } from './column-types'

/** Transactional outbox relayed after commit. */
export interface OutboxEventTable {
  id: Generated<number>
  aggregate_type: string
  aggregate_id: string
  event_type: string
  payload: JsonColumn<unknown>
  created_at: Generated<Date>
  published_at: Date | null
  attempts: Generated<number>
  last_error: string | null
  /** The relay leaves the row alone until then (back-off after a failed publish). */
  available_at: Generated<Date>
}

export type OutboxEvent = Selectable<OutboxEventTable>
export type NewOutboxEvent = Insertable<OutboxEventTable>
export type OutboxEventUpdate = Updateable<OutboxEventTable>
