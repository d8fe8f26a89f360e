import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumnWithDefault } from './column-types'
import type { NotificationChannel, NotificationStatus } from './enums'

/** Log of notifications, one per event and channel. */
export interface NotificationTable {
  id: Generated<number>
  user_id: string | null
  channel: NotificationChannel
  kind: string
  event_id: string
  recipient: string
  payload: JsonColumnWithDefault<Record<string, unknown>>
  status: Generated<NotificationStatus>
  error: string | null
  created_at: Generated<Date>
  sent_at: Date | null
}

export type Notification = Selectable<NotificationTable>
export type NewNotification = Insertable<NotificationTable>
export type NotificationUpdate = Updateable<NotificationTable>
