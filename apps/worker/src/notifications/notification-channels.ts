import type { Logger, Mailer } from '@emporium/infra'
import type { NotificationChannelName } from '@emporium/domain'

/** A rendered notification for one recipient on one channel. */
export interface NotificationMessage {
  /** Email address for mail; the user id for push and SMS providers that look up devices/numbers. */
  to: string
  subject: string
  text: string
  html: string
  /** Same id on every retry of one notification, so mail clients also drop a duplicate. */
  messageId: string
  /** One-click unsubscribe target (RFC 8058), when the kind can be turned off. */
  unsubscribeUrl?: string
}

/** Sends notifications on one channel; throws when the provider did not accept the message. */
export interface NotificationSender {
  channel: NotificationChannelName
  send(message: NotificationMessage): Promise<void>
}

/** Email over the configured SMTP transport (Mailpit locally). */
export function createEmailSender(mailer: Mailer, from: string): NotificationSender {
  return {
    channel: 'email',
    async send(message) {
      await mailer.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        ...(message.unsubscribeUrl
          ? {
              list: {
                unsubscribe: { url: message.unsubscribeUrl, comment: 'Unsubscribe' },
              },
              headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            }
          : {}),
      })
    },
  }
}

/**
 * A provider for SMS or push that only logs what it would send: the stand-in until a real
 * provider (Twilio, FCM, …) is configured behind the same interface.
 */
export function createLoggingSender(
  channel: Exclude<NotificationChannelName, 'email'>,
  logger: Logger,
): NotificationSender {
  return {
    channel,
    send(message) {
      logger.info(
        { channel, to: message.to, subject: message.subject, messageId: message.messageId },
        `${channel} notification (logging provider)`,
      )
      return Promise.resolve()
    },
  }
}
