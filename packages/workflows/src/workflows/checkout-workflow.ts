// Changing this workflow: runs in flight replay their history against the new code, so any change
// to the order of activities, timers or search-attribute upserts must be guarded with
// `if (patched('<change-id>')) { new } else { old }` (and later `deprecatePatch`), and the replay
// histories in packages/workflows/histories must keep passing.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow'
import {
  AMOUNT_MINOR_ATTRIBUTE,
  cancelCheckoutUpdate,
  checkoutProgressQuery,
  CUSTOMER_ID_ATTRIBUTE,
  DEFAULT_CHECKOUT_TIMEOUTS,
  ORDER_ID_ATTRIBUTE,
  ORDER_STATUS_ATTRIBUTE,
  paymentResultSignal,
  SELLER_IDS_ATTRIBUTE,
  updatePaymentMethodSignal,
  type CheckoutFailure,
  type CheckoutFailureCode,
  type CheckoutInput,
  type CheckoutResult,
  type CheckoutTimeouts,
} from '../checkout'
import type { CheckoutActivities } from '../checkout-activities'
import { FRAUD_REVIEW_PATCH } from '../fraud-review'
import {
  CheckoutFailed,
  CheckoutState,
  collectPayment,
  paymentActivities,
} from './checkout-payment'
import { screenForFraud } from './checkout-fraud-review'

/** Refusals the activities report as non-retryable ApplicationFailures of these types. */
const BUSINESS_REFUSALS: readonly CheckoutFailureCode[] = [
  'cart_invalid',
  'sold_out',
  'coupon_unavailable',
]

// Cart checks, reservation and order creation: bounded retries with back-off for I/O; business
// refusals are non-retryable failures and end the checkout at once.
const business = proxyActivities<CheckoutActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [...BUSINESS_REFUSALS],
  },
})
// Confirmations and compensations must land once started: retried without limit, with back-off.
const durable = proxyActivities<CheckoutActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
})

function failureOf(error: unknown): CheckoutFailure | null {
  if (error instanceof CheckoutFailed) return { code: error.code, message: error.message }
  const cause = error instanceof ActivityFailure ? error.cause : undefined
  if (
    cause instanceof ApplicationFailure &&
    (BUSINESS_REFUSALS as readonly (string | undefined | null)[]).includes(cause.type)
  ) {
    return { code: cause.type as CheckoutFailureCode, message: cause.message }
  }
  return null
}

/** How long stock stays reserved: longer than the slowest checkout these timeouts allow. */
function reservationHoldMs(t: CheckoutTimeouts): number {
  const longestWait = Math.max(
    t.paymentMethodWaitMs,
    t.paymentRetryBackoffMs * 2 ** Math.max(0, t.maxPaymentAttempts - 1),
  )
  return t.maxPaymentAttempts * (t.gatewayPatienceMs + t.paymentTimeoutMs + longestWait) + 3_600_000
}

/**
 * Checkout saga: validate the cart → reserve stock → create the pending order (coupons redeemed)
 * → charge (with payment retries) → wait for the result → commit stock, mark paid, clear the cart.
 * On a refusal, decline, timeout or the shopper's cancel, the steps done are undone in reverse:
 * void the payment, release the stock, cancel the order (restoring its coupons).
 */
export async function checkoutWorkflow(input: CheckoutInput): Promise<CheckoutResult> {
  const timeouts: CheckoutTimeouts = { ...DEFAULT_CHECKOUT_TIMEOUTS, ...input.timeouts }
  const { workflowId } = workflowInfo()
  // Unique per place request, stable across retries and resets of this run.
  const ownerKey = `${workflowId}:${input.idempotencyKey}`
  const state = new CheckoutState(input.paymentMethodToken)
  const { progress } = state
  const steps = paymentActivities(timeouts)

  setHandler(checkoutProgressQuery, () => progress)
  setHandler(paymentResultSignal, (result) => state.acceptWebhook(result))
  setHandler(updatePaymentMethodSignal, ({ paymentMethodToken }) => {
    state.paymentMethodToken = paymentMethodToken
    state.paymentMethodSeq += 1
  })
  setHandler(cancelCheckoutUpdate, async ({ reason }) => {
    // A charge in flight is waited out: whether it succeeded decides the answer.
    await condition(() => !state.charging && !state.cancelling)
    if (state.succeededIntentId !== null || ['confirming', 'paid'].includes(progress.stage)) {
      return { accepted: false, message: 'Your payment has already gone through.' }
    }
    if (state.cancelReason !== null)
      return { accepted: true, message: 'Your checkout is being cancelled.' }
    if (['compensating', 'cancelled'].includes(progress.stage)) {
      return { accepted: false, message: 'This checkout has already ended.' }
    }
    state.cancelling = true
    try {
      const pending = state.pendingAttempt()
      if (pending) {
        pending.outcome = await steps.cancelPayment({
          ...pending.ref,
          intentId: pending.outcome.intentId,
        })
        if (pending.outcome.status === 'succeeded') {
          state.succeededIntentId = pending.outcome.intentId
          return { accepted: false, message: 'Your payment has already gone through.' }
        }
      }
      state.cancelReason = reason?.trim() || 'You cancelled the checkout.'
      return { accepted: true, message: 'Your checkout has been cancelled; nothing was charged.' }
    } finally {
      state.cancelling = false
    }
  })

  const describe = (text: string) =>
    setCurrentDetails(
      progress.orderNumber === null
        ? `Checkout: ${text}`
        : `Order #${progress.orderNumber}: ${text}`,
    )
  upsertSearchAttributes([{ key: CUSTOMER_ID_ATTRIBUTE, value: input.userId }])
  describe('validating the cart')

  // Undo steps, registered before the step they undo and run newest first.
  const undo: ((failure: CheckoutFailure) => Promise<unknown>)[] = []
  try {
    const plan = await business.validateCart({
      cartId: input.cartId,
      userId: input.userId,
      shippingAddressId: input.shippingAddressId,
    })
    upsertSearchAttributes([
      { key: SELLER_IDS_ATTRIBUTE, value: plan.sellerIds },
      { key: AMOUNT_MINOR_ATTRIBUTE, value: plan.totalMinor },
    ])
    await state.settleCancel()

    state.setStage('reserving')
    describe('reserving stock')
    undo.unshift(() => durable.releaseInventory({ ownerKey }))
    // Since this patch the created order is screened for fraud before it is charged (a held
    // order's reservation is extended by the screening, so only held orders keep stock longer).
    const fraudReview = patched(FRAUD_REVIEW_PATCH)
    await business.reserveInventory({
      ownerKey,
      lines: plan.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      shippingRegion: plan.shippingRegion,
      expiresAtMs: Date.now() + reservationHoldMs(timeouts),
    })
    await state.settleCancel()

    state.setStage('creating_order')
    describe('creating the order')
    undo.unshift((failure) =>
      durable.cancelOrder({
        idempotencyKey: input.idempotencyKey,
        checkoutWorkflowId: workflowId,
        reason: failure.code,
        message: failure.message,
      }),
    )
    const order = await business.createOrder({
      userId: input.userId,
      cartId: input.cartId,
      idempotencyKey: input.idempotencyKey,
      checkoutWorkflowId: workflowId,
      plan,
    })
    progress.orderId = order.orderId
    progress.orderNumber = order.orderNumber
    upsertSearchAttributes([
      { key: ORDER_ID_ATTRIBUTE, value: order.orderId },
      { key: ORDER_STATUS_ATTRIBUTE, value: 'pending' },
    ])
    if (fraudReview) {
      await screenForFraud(
        state,
        {
          ownerKey,
          holdReservationUntilMs:
            Date.now() + reservationHoldMs(timeouts) + timeouts.fraudReviewTimeoutMs,
          orderId: order.orderId,
          userId: input.userId,
          checkoutWorkflowId: workflowId,
          clientIp: input.clientIp ?? null,
          billingAddressId: input.billingAddressId ?? null,
          shippingCountry: plan.shippingAddress.country ?? '',
          total: { amount: plan.totalMinor, currency: plan.currency },
        },
        timeouts,
        describe,
      )
    }
    describe('waiting for payment')

    const intentId = await collectPayment(
      state,
      { orderId: order.orderId, amount: { amount: plan.totalMinor, currency: plan.currency } },
      timeouts,
    )

    state.setStage('confirming')
    describe('confirming the paid order')
    await durable.commitInventory({ ownerKey })
    await durable.markOrderPaid({ orderId: order.orderId, intentId })
    await durable.clearCart({ cartId: input.cartId, userId: input.userId })
    state.setStage('paid')
    upsertSearchAttributes([{ key: ORDER_STATUS_ATTRIBUTE, value: 'paid' }])
    describe('paid')
    return { status: 'paid', orderId: order.orderId, orderNumber: order.orderNumber }
  } catch (error) {
    const failure = failureOf(error)
    state.setStage('compensating')
    describe(`cancelling (${failure?.code ?? 'error'})`)
    // A payment still pending (only after an unexpected error) is voided first.
    const pending = state.pendingAttempt()
    if (pending) {
      const voided = await steps.cancelPayment({
        ...pending.ref,
        intentId: pending.outcome.intentId,
      })
      if (voided.status === 'succeeded') {
        log.error('payment succeeded while its checkout failed; left to reconciliation', {
          intentId: voided.intentId,
          orderId: pending.ref.orderId,
        })
      }
    }
    const reason = failure ?? {
      code: 'cart_invalid' as const,
      message: 'Your order could not be placed; nothing was charged. Please try again.',
    }
    for (const step of undo) await step(reason)
    progress.failure = reason
    state.setStage('cancelled')
    upsertSearchAttributes([{ key: ORDER_STATUS_ATTRIBUTE, value: 'cancelled' }])
    describe(`cancelled (${reason.code})`)
    // An unexpected failure fails the workflow after compensating, so it is seen, not hidden.
    if (!failure) throw error
    return {
      status: 'cancelled',
      orderId: progress.orderId,
      orderNumber: progress.orderNumber,
      failure,
    }
  }
}
