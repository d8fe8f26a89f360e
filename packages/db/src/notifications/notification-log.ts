import type { Db } from '../client'
import { toJson } from '../json'
import type { NotificationChannel } from '../schema'

/** One notification about to be sent, keyed by the event it comes from. */
export interface NotificationClaimInput {
  /** Deduplication key: the source event (outbox id or workflow step) plus the recipient. */
  eventId: string
  channel: NotificationChannel
  userId: string | null
  kind: string
  recipient: string
  payload: Record<string, unknown>
}

/** `send`: go ahead (first attempt, or a retry after a failure); `done`: already sent or suppressed. */
export type NotificationClaim = { action: 'send'; id: number } | { action: 'done'; id: number }

/**
 * Records a notification as pending before it is sent. The unique (event_id, channel) key makes a
 * redelivered event find the earlier row: sent or suppressed ones are not sent again.
 */
export async function claimNotification(
  db: Db,
  input: NotificationClaimInput,
): Promise<NotificationClaim> {
  const inserted = await db
    .insertInto('notifications')
    .values({
      event_id: input.eventId,
      channel: input.channel,
      user_id: input.userId,
      kind: input.kind,
      recipient: input.recipient,
      payload: toJson(input.payload),
      error: null,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['event_id', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { action: 'send', id: inserted.id }
  const existing = await db
    .selectFrom('notifications')
    .select(['id', 'status'])
    .where('event_id', '=', input.eventId)
    .where('channel', '=', input.channel)
    .executeTakeFirstOrThrow()
  return existing.status === 'sent' || existing.status === 'suppressed'
    ? { action: 'done', id: existing.id }
    : { action: 'send', id: existing.id }
}

/** Records that a notification was not sent because the person opted out (once per event). */
export async function recordSuppressedNotification(
  db: Db,
  input: NotificationClaimInput,
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      event_id: input.eventId,
      channel: input.channel,
      user_id: input.userId,
      kind: input.kind,
      recipient: input.recipient,
      payload: toJson(input.payload),
      status: 'suppressed',
      error: null,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['event_id', 'channel']).doNothing())
    .execute()
}

/** Marks a claimed notification as sent. */
export async function markNotificationSent(db: Db, id: number): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ status: 'sent', sent_at: new Date(), error: null })
    .where('id', '=', id)
    .execute()
}

/** Marks a claimed notification as failed with the error; the next delivery of its event retries it. */
export async function markNotificationFailed(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ status: 'failed', error })
    .where('id', '=', id)
    .where('status', '<>', 'sent')
    .execute()
}

/** The notification log rows of one event key (every channel). */
export async function findNotificationsByEvent(db: Db, eventId: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute()
}
