export {
  createEmailSender,
  createLoggingSender,
  type NotificationMessage,
  type NotificationSender,
} from './notification-channels'
export { createNotifier, notificationEventId, type Notifier, type NotifyRequest } from './notifier'
export { createNotificationHandlers, outboxSource } from './outbox-notification-handlers'
export { cartReminderMail } from './templates/cart-reminder-mails'
export { createWorkerNotifier } from './worker-notifier'
