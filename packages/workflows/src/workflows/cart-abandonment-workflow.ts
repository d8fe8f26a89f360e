import {
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow'
import {
  cartAbandonmentStatusQuery,
  cartActivitySignal,
  cartClosedSignal,
  DEFAULT_SECOND_REMINDER_AFTER_MS,
  type CartAbandonmentActivities,
  type CartAbandonmentInput,
  type CartAbandonmentResult,
  type CartAbandonmentStatus,
  type CartClosedReason,
} from '../cart-abandonment'

const { sendCartReminder } = proxyActivities<CartAbandonmentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', maximumAttempts: 30 },
})

/**
 * Watches one cart: once it has been idle for `idleMs` the shopper gets a reminder with a link that
 * restores the cart, and a second one (optionally with a one-time coupon) after another day of
 * silence. Every `activity` signal restarts the current wait; `closed` (checked out, emptied) ends
 * it at once. Reminders are deduplicated per run chain, so a retried activity mails once.
 */
export async function cartAbandonmentWorkflow(
  input: CartAbandonmentInput,
): Promise<CartAbandonmentResult> {
  const startedAt = Date.now()
  const status: CartAbandonmentStatus = { stage: 'waiting', reminders: [], closedReason: null }
  let touched = false
  let closed: CartClosedReason | null = null
  setHandler(cartActivitySignal, () => {
    touched = true
  })
  setHandler(cartClosedSignal, ({ reason }) => {
    closed = reason
    status.closedReason = reason
  })
  setHandler(cartAbandonmentStatusQuery, () => status)

  /** True once the cart stayed untouched for `ms`; false when it was closed meanwhile. */
  const idleFor = async (ms: number): Promise<boolean> => {
    for (;;) {
      touched = false
      const interrupted = await condition(() => touched || closed !== null, ms)
      if (closed !== null) return false
      if (!interrupted) return true
      if (workflowInfo().continueAsNewSuggested) {
        // A long-lived busy cart: start a fresh history with the same progress.
        await continueAsNew<typeof cartAbandonmentWorkflow>({
          ...input,
          remindersSent: status.reminders.length + (input.remindersSent ?? 0),
        })
      }
    }
  }

  const info = workflowInfo()
  const before = input.remindersSent ?? 0
  for (const reminder of [1, 2] as const) {
    if (reminder <= before) continue
    const wait =
      reminder === 1
        ? input.idleMs
        : (input.secondReminderAfterMs ?? DEFAULT_SECOND_REMINDER_AFTER_MS)
    if (!(await idleFor(wait))) {
      status.stage = 'done'
      return { outcome: closed ?? 'checked_out', reminders: status.reminders, startedAt }
    }
    status.stage = 'reminding'
    const outcome = await sendCartReminder({
      cartId: input.cartId,
      reminder,
      source: `${info.workflowId}:${info.firstExecutionRunId}:reminder-${reminder}`,
      offerCoupon: reminder === 2 && (input.offerCoupon ?? true),
    })
    status.reminders.push({ reminder, outcome, at: Date.now() })
    status.stage = 'waiting'
    if (outcome !== 'sent' && outcome !== 'already_sent') {
      status.stage = 'done'
      return { outcome: 'stopped', stoppedBecause: outcome, reminders: status.reminders, startedAt }
    }
  }
  status.stage = 'done'
  return { outcome: 'reminded', reminders: status.reminders, startedAt }
}
