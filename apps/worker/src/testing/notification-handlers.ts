import { randomUUID } from 'node:crypto'
import { recordOutboxEvent, type Db, type OutboxEvent } from '@emporium/db'
import type { Config, Logger } from '@emporium/infra'
import type { NotificationSender } from '../notifications/notification-channels'
import { createNotifier } from '../notifications/notifier'
import { createNotificationHandlers } from '../notifications/outbox-notification-handlers'

/** The relay's notification handlers, notifying through `senders`. */
export function notificationHandlersWith(
  deps: { db: Db; logger: Logger; config: Config },
  senders: readonly NotificationSender[],
) {
  return createNotificationHandlers({ ...deps, notifier: createNotifier({ ...deps, senders }) })
}

/** A real outbox row under an aggregate type no relay handles, so no other process takes it. */
export async function unclaimedOutboxEvent(
  db: Db,
  eventType: string,
  payload: unknown,
): Promise<OutboxEvent> {
  const id = await recordOutboxEvent(db, {
    aggregateType: `test-${randomUUID()}`,
    aggregateId: randomUUID(),
    eventType,
    payload,
  })
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}
