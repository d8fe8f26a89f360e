import type { Db } from '../client'
import type { NotificationChannel } from '../schema'

/** The user's opt-outs as `"<channel>:<kind>"` strings. */
export async function findNotificationOptOuts(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['channel', 'kind'])
    .where('user_id', '=', userId)
    .where('opted_out', '=', true)
    .execute()
  return new Set(rows.map((r) => `${r.channel}:${r.kind}`))
}

/** Turns one kind of notification on a channel off (`optedOut`) or back on for a user. */
export async function setNotificationOptOut(
  db: Db,
  input: { userId: string; channel: NotificationChannel; kind: string; optedOut: boolean },
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({
      user_id: input.userId,
      channel: input.channel,
      kind: input.kind,
      opted_out: input.optedOut,
    })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'channel', 'kind'])
        .doUpdateSet({ opted_out: input.optedOut, updated_at: new Date() }),
    )
    .execute()
}

/** Where to reach a user: their email and display name; undefined when the user is gone. */
export async function findNotificationRecipient(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst()
}
