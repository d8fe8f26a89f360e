import type { CheckoutProgress } from '../trpc'

type Stage = CheckoutProgress['stage']

/** What each checkout stage means to the shopper. */
export const STAGE_TEXT: Record<Stage, string> = {
  validating: 'Checking your cart',
  reserving: 'Reserving your items',
  creating_order: 'Creating your order',
  held_for_review: 'Your order is being reviewed before payment; nothing has been charged yet',
  charging: 'Charging your card',
  awaiting_payment: 'Waiting for the payment to complete',
  retrying_payment: 'Payment did not go through',
  confirming: 'Confirming your order',
  compensating: 'Cancelling and releasing your items',
  paid: 'Paid',
  cancelled: 'Cancelled',
}

/** The happy path in order, for the progress list. */
export const STAGE_STEPS: readonly Stage[] = [
  'validating',
  'reserving',
  'creating_order',
  'charging',
  'confirming',
  'paid',
]

/** Where a stage sits on the happy path (payment waits and a review hold count as charging). */
export function stepIndex(stage: Stage): number {
  if (stage === 'awaiting_payment' || stage === 'retrying_payment' || stage === 'held_for_review')
    return STAGE_STEPS.indexOf('charging')
  return STAGE_STEPS.indexOf(stage)
}
