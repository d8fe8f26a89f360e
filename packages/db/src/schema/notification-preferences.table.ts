import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { NotificationChannel } from './enums'

/** Per-user opt-outs by channel and kind. */
export interface NotificationPreferenceTable {
  user_id: string
  channel: NotificationChannel
  kind: string
  opted_out: Generated<boolean>
  updated_at: Generated<Date>
}

export type NotificationPreference = Selectable<NotificationPreferenceTable>
export type NewNotificationPreference = Insertable<NotificationPreferenceTable>
export type NotificationPreferenceUpdate = Updateable<NotificationPreferenceTable>
