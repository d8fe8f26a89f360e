import {
  claimNotification,
  findNotificationOptOuts,
  findNotificationRecipient,
  markNotificationFailed,
  markNotificationSent,
  recordSuppressedNotification,
  type Db,
} from '@emporium/db'
import {
  canOptOut,
  shouldNotify,
  type NotificationChannelName,
  type NotificationKind,
} from '@emporium/domain'
import { LINK_PATHS, signedLinkUrl, signLinkToken, type Config, type Logger } from '@emporium/infra'
import type { NotificationSender } from './notification-channels'
import type { RenderedMail } from './templates/mail-layout'

/** What a template gets to know about the recipient. */
export interface RecipientContext {
  name: string | null
  /** Signed one-click unsubscribe link for this kind, when the kind can be turned off. */
  unsubscribeUrl: string | undefined
}

/** One notification to one user. */
export interface NotifyRequest {
  /** Source of the notification (`outbox:<id>`, `<workflowId>:reminder-1`); with the user, the dedup key. */
  source: string
  userId: string
  kind: NotificationKind
  /** Defaults to email only. */
  channels?: readonly NotificationChannelName[]
  /** Kept in the notification log. */
  payload: Record<string, unknown>
  render: (recipient: RecipientContext) => RenderedMail
}

export type NotifyOutcome = 'sent' | 'already_sent' | 'opted_out' | 'no_recipient'

export interface Notifier {
  /** Sends on each channel at most once per source and user; returns what happened per channel. */
  notify(request: NotifyRequest): Promise<Partial<Record<NotificationChannelName, NotifyOutcome>>>
}

/** How long an unsubscribe link in a mail keeps working. */
const UNSUBSCRIBE_LINK_TTL_S = 365 * 24 * 60 * 60

/** The deduplication key of a notification: its source and recipient. */
export const notificationEventId = (source: string, userId: string) => `${source}:${userId}`

/**
 * The notification service: checks preferences, claims the (event, channel) row in the log before
 * sending and marks it sent after, so a redelivered event finds the row and sends nothing. A crash
 * between the provider accepting the message and the mark is the only window for a duplicate.
 */
export function createNotifier(deps: {
  db: Db
  logger: Logger
  config: Pick<Config, 'WEB_ORIGIN' | 'NOTIFICATION_LINK_SECRET'>
  senders: readonly NotificationSender[]
  now?: () => Date
}): Notifier {
  const { db, logger, config } = deps
  const senders = new Map(deps.senders.map((s) => [s.channel, s]))
  const now = deps.now ?? (() => new Date())

  const unsubscribeUrl = (userId: string, kind: NotificationKind) =>
    signedLinkUrl(
      config.WEB_ORIGIN,
      LINK_PATHS.unsubscribe,
      signLinkToken(config.NOTIFICATION_LINK_SECRET, {
        purpose: 'unsubscribe',
        subject: userId,
        kind,
        exp: Math.floor(now().getTime() / 1000) + UNSUBSCRIBE_LINK_TTL_S,
      }),
    )

  return {
    async notify(request) {
      const outcomes: Partial<Record<NotificationChannelName, NotifyOutcome>> = {}
      const user = await findNotificationRecipient(db, request.userId)
      if (!user) {
        logger.warn(
          { userId: request.userId, source: request.source },
          'notification for a user who no longer exists',
        )
        for (const channel of request.channels ?? ['email']) outcomes[channel] = 'no_recipient'
        return outcomes
      }
      const optedOut = await findNotificationOptOuts(db, user.id)
      const eventId = notificationEventId(request.source, user.id)
      const recipient: RecipientContext = {
        name: user.display_name,
        unsubscribeUrl: canOptOut(request.kind) ? unsubscribeUrl(user.id, request.kind) : undefined,
      }
      for (const channel of request.channels ?? ['email']) {
        const sender = senders.get(channel)
        if (!sender) throw new Error(`No ${channel} provider is configured`)
        const claim = {
          eventId,
          channel,
          userId: user.id,
          kind: request.kind,
          recipient: channel === 'email' ? user.email : user.id,
          payload: request.payload,
        }
        if (!shouldNotify(request.kind, channel, optedOut)) {
          await recordSuppressedNotification(db, claim)
          outcomes[channel] = 'opted_out'
          continue
        }
        const claimed = await claimNotification(db, claim)
        if (claimed.action === 'done') {
          outcomes[channel] = 'already_sent'
          continue
        }
        const mail = request.render(recipient)
        try {
          await sender.send({
            to: claim.recipient,
            ...mail,
            messageId: `<${eventId.replace(/[^A-Za-z0-9-]/g, '.')}.${channel}@notifications.emporium>`,
            unsubscribeUrl: recipient.unsubscribeUrl,
          })
        } catch (error) {
          logger.error(
            { err: error, eventId, channel, kind: request.kind },
            'sending a notification failed',
          )
          await markNotificationFailed(
            db,
            claimed.id,
            error instanceof Error ? error.message : String(error),
          )
          throw error
        }
        await markNotificationSent(db, claimed.id)
        outcomes[channel] = 'sent'
      }
      return outcomes
    },
  }
}
