import type { WorkerDeps } from '../deps'
import { createEmailSender, createLoggingSender } from './notification-channels'
import { createNotifier, type Notifier } from './notifier'

/** The worker's notifier: mail over SMTP, SMS and push through the logging providers. */
export function createWorkerNotifier(
  deps: Pick<WorkerDeps, 'db' | 'logger' | 'config' | 'mail'>,
): Notifier {
  return createNotifier({
    db: deps.db,
    logger: deps.logger,
    config: deps.config,
    senders: [
      createEmailSender(deps.mail, deps.config.MAIL_FROM),
      createLoggingSender('sms', deps.logger),
      createLoggingSender('push', deps.logger),
    ],
  })
}
