import { z } from 'zod'

/**
 * What a notification is about. Transactional kinds (about an order the person placed) are always
 * sent; the others can be turned off per channel.
 */
export const NOTIFICATION_KINDS = {
  order_confirmation: { category: 'transactional', label: 'Order confirmations' },
  payment_failed: { category: 'transactional', label: 'Payment problems' },
  order_shipped: { category: 'transactional', label: 'Shipping updates' },
  order_refunded: { category: 'transactional', label: 'Refunds' },
  order_cancelled: { category: 'transactional', label: 'Order cancellations' },
  review_reply: { category: 'account', label: 'Replies to your reviews' },
  stock_low: { category: 'account', label: 'Low stock alerts for your store' },
  cart_reminder: { category: 'marketing', label: 'Reminders about items left in your cart' },
} as const satisfies Record<string, { category: NotificationCategory; label: string }>

export type NotificationCategory = 'transactional' | 'account' | 'marketing'
export type NotificationKind = keyof typeof NOTIFICATION_KINDS

export const NotificationKindSchema = z.enum(
  Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]],
)

/** Channels a notification can go out on. */
export const NotificationChannelSchema = z.enum(['email', 'sms', 'push'])
export type NotificationChannelName = z.infer<typeof NotificationChannelSchema>

/** True when a person may turn this kind off; order mails are part of the purchase and cannot be. */
export function canOptOut(kind: NotificationKind): boolean {
  return NOTIFICATION_KINDS[kind].category !== 'transactional'
}

/**
 * Whether a notification of `kind` goes out on `channel`, given the person's opt-outs
 * (`"<channel>:<kind>"` strings). Transactional kinds ignore opt-outs.
 */
export function shouldNotify(
  kind: NotificationKind,
  channel: NotificationChannelName,
  optedOut: ReadonlySet<string>,
): boolean {
  return !canOptOut(kind) || !optedOut.has(`${channel}:${kind}`)
}

/** One row of the preferences screen. */
export const NotificationPreferenceSchema = z.object({
  kind: NotificationKindSchema,
  channel: NotificationChannelSchema,
  label: z.string(),
  category: z.enum(['transactional', 'account', 'marketing']),
  enabled: z.boolean(),
  /** False for transactional kinds, which are always sent. */
  canOptOut: z.boolean(),
})
export type NotificationPreferenceView = z.infer<typeof NotificationPreferenceSchema>

export const SetNotificationPreferenceInput = z.object({
  kind: NotificationKindSchema,
  channel: NotificationChannelSchema.default('email'),
  enabled: z.boolean(),
})

/** Builds the preferences screen for one channel from the stored opt-outs. */
export function preferenceViews(
  channel: NotificationChannelName,
  optedOut: ReadonlySet<string>,
): NotificationPreferenceView[] {
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => ({
    kind,
    channel,
    label: NOTIFICATION_KINDS[kind].label,
    category: NOTIFICATION_KINDS[kind].category,
    enabled: shouldNotify(kind, channel, optedOut),
    canOptOut: canOptOut(kind),
  }))
}
