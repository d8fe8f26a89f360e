import { defineQuery, defineSignal } from '@temporalio/workflow'

/**
 * The contract between the API (starts the workflow and signals cart changes), the outbox relay
 * (signals a checked-out cart) and cartAbandonmentWorkflow. Renaming a signal breaks running workflows.
 */

const HOUR_MS = 60 * 60 * 1000

/** What the API starts the workflow with when a signed-in shopper's cart becomes active. */
export interface CartAbandonmentInput {
  cartId: string
  /** How long the cart must stay untouched before the first reminder (CART_ABANDONMENT_IDLE_MS). */
  idleMs: number
  /** How long after the first reminder (or the last change after it) the second one goes out. */
  secondReminderAfterMs?: number
  /** Whether the second reminder carries a one-time coupon. */
  offerCoupon?: boolean
  /** Reminders already sent before a continue-as-new. */
  remindersSent?: number
}

/** Default wait between the first and the second reminder. */
export const DEFAULT_SECOND_REMINDER_AFTER_MS = 24 * HOUR_MS

/** Why a cart no longer needs reminders. */
export type CartClosedReason = 'checked_out' | 'emptied'

/** The cart changed (a line added, removed, re-priced…): the idle timer starts again. */
export const cartActivitySignal = defineSignal<[]>('activity')
/** The cart was checked out or emptied: the workflow stops without another mail. */
export const cartClosedSignal = defineSignal<[{ reason: CartClosedReason }]>('closed')

/** What the reminder activity did; anything but `sent`/`already_sent` ends the workflow. */
export type CartReminderOutcome = 'sent' | 'already_sent' | 'opted_out' | 'no_email' | 'cart_empty'

export interface SendCartReminderInput {
  cartId: string
  reminder: 1 | 2
  /** Deduplication key of this reminder: workflow id, first run id and reminder number. */
  source: string
  offerCoupon: boolean
}

/** Activities cartAbandonmentWorkflow calls; implemented by the worker. */
export interface CartAbandonmentActivities {
  /** Mails one reminder (at most once per `source`), checking the cart and the person's preferences first. */
  sendCartReminder(input: SendCartReminderInput): Promise<CartReminderOutcome>
}

/** One reminder as the workflow recorded it (workflow time, ms since the epoch). */
export interface SentReminder {
  reminder: 1 | 2
  outcome: CartReminderOutcome
  at: number
}

export interface CartAbandonmentStatus {
  stage: 'waiting' | 'reminding' | 'done'
  reminders: SentReminder[]
  closedReason: CartClosedReason | null
}

/** How the workflow ended. */
export interface CartAbandonmentResult {
  outcome: CartClosedReason | 'reminded' | 'stopped'
  /** Set when a reminder could not go out (opted out, no email, cart emptied meanwhile). */
  stoppedBecause?: CartReminderOutcome
  reminders: SentReminder[]
  startedAt: number
}

export const cartAbandonmentStatusQuery =
  defineQuery<CartAbandonmentStatus>('cartAbandonmentStatus')

/** One workflow per cart: a repeated signal-with-start for the same cart reaches the running one. */
export function cartAbandonmentWorkflowId(cartId: string): string {
  return `cart-abandonment:${cartId}`
}
