import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumn } from './column-types'

/** Gateway webhooks, stored once per event id. */
export interface WebhookEventTable {
  id: Generated<number>
  gateway: string
  event_id: string
  type: string
  payload: JsonColumn<unknown>
  received_at: Generated<Date>
  processed_at: Date | null
  error: string | null
}

export type WebhookEvent = Selectable<WebhookEventTable>
export type NewWebhookEvent = Insertable<WebhookEventTable>
export type WebhookEventUpdate = Updateable<WebhookEventTable>
