import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
} from '@temporalio/workflow'
import type {
  CheckoutFailureCode,
  CheckoutProgress,
  CheckoutStage,
  CheckoutTimeouts,
  PaymentResultSignal,
} from '../checkout'
import {
  PAYMENT_REJECTED,
  type CheckoutActivities,
  type CheckoutMoney,
  type PaymentAttemptRef,
  type PaymentOutcome,
} from '../checkout-activities'

/** Ends a checkout without a paid order; caught by the saga, which compensates. */
export class CheckoutFailed extends Error {
  constructor(
    readonly code: CheckoutFailureCode,
    message: string,
  ) {
    super(message)
  }
}

/** One payment attempt and the newest webhook result already applied to it. */
interface Attempt {
  ref: PaymentAttemptRef
  outcome: PaymentOutcome
  appliedWebhookAt: number
}

/**
 * State the checkout shares between its main line and its signal/update handlers. Handlers only
 * set fields; the main line reacts after every await.
 */
export class CheckoutState {
  readonly progress: CheckoutProgress = {
    stage: 'validating',
    orderId: null,
    orderNumber: null,
    paymentClientSecret: null,
    paymentAttempts: 0,
    failure: null,
  }
  readonly attempts: Attempt[] = []
  /** Newest webhook result per intent id (older or duplicate deliveries are dropped). */
  readonly webhooks = new Map<string, PaymentResultSignal>()
  webhookSeq = 0
  paymentMethodToken: string
  paymentMethodSeq = 0
  /** A gateway call that may charge is in flight: a cancel waits for it to settle. */
  charging = false
  /** A cancel update is voiding the pending payment. */
  cancelling = false
  cancelReason: string | null = null
  succeededIntentId: string | null = null

  constructor(paymentMethodToken: string) {
    this.paymentMethodToken = paymentMethodToken
  }

  setStage(stage: CheckoutStage): void {
    this.progress.stage = stage
  }

  /** Keeps a webhook result unless an equal or newer one for the same intent is already known. */
  acceptWebhook(result: PaymentResultSignal): void {
    const known = this.webhooks.get(result.intentId)
    if (known && known.occurredAt >= result.occurredAt) return
    this.webhooks.set(result.intentId, result)
    this.webhookSeq += 1
  }

  pendingAttempt(): Attempt | undefined {
    return this.attempts.find((a) => a.outcome.status === 'pending' && a.outcome.intentId !== '')
  }

  /** Waits until no cancel update is in progress, then ends the checkout if one was accepted. */
  async settleCancel(): Promise<void> {
    await condition(() => !this.cancelling)
    if (this.cancelReason !== null)
      throw new CheckoutFailed('customer_cancelled', this.cancelReason)
  }
}

/** Activity proxies of the payment steps, with retry policies for what each does. */
export function paymentActivities(timeouts: CheckoutTimeouts) {
  // Charging: gateway trouble (or an open circuit breaker) is retried patiently, with back-off,
  // for up to `gatewayPatienceMs`; a payment method the gateway refuses outright is not retried.
  const charge = proxyActivities<CheckoutActivities>({
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: timeouts.gatewayPatienceMs,
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      nonRetryableErrorTypes: [PAYMENT_REJECTED],
    },
  })
  // Polling: a failed look-up is simply tried again at the next poll.
  const poll = proxyActivities<CheckoutActivities>({
    startToCloseTimeout: '15 seconds',
    retry: { initialInterval: '1 second', maximumAttempts: 2 },
  })
  // Recording results and voiding must eventually happen: unlimited retries with back-off.
  const settle = proxyActivities<CheckoutActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  })
  // Resolving a charge whose outcome is unknown: asked again under the same idempotency key (the
  // gateway then answers with the first charge, if there was one) for one more patience window.
  const resolve = proxyActivities<CheckoutActivities>({
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: timeouts.gatewayPatienceMs,
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      nonRetryableErrorTypes: [PAYMENT_REJECTED],
    },
  })
  return {
    createPayment: charge.createPayment,
    resolvePayment: resolve.createPayment,
    getPaymentStatus: poll.getPaymentStatus,
    recordPaymentResult: settle.recordPaymentResult,
    cancelPayment: settle.cancelPayment,
  }
}

type PaymentSteps = ReturnType<typeof paymentActivities>

function failedCharge(error: unknown): PaymentOutcome {
  const cause = error instanceof ActivityFailure ? error.cause : undefined
  if (cause instanceof ApplicationFailure && cause.type === PAYMENT_REJECTED) {
    return {
      status: 'failed',
      intentId: '',
      clientSecret: null,
      declineCode: PAYMENT_REJECTED,
      message: cause.message,
      retryable: false,
    }
  }
  if (!(error instanceof ActivityFailure)) throw error
  log.warn('payment gateway unavailable for the whole patience window', { error: String(error) })
  return {
    status: 'failed',
    intentId: '',
    clientSecret: null,
    declineCode: 'gateway_unavailable',
    message: 'The payment provider is not responding; nothing was charged.',
    retryable: true,
  }
}

/**
 * Waits for one attempt's final word: a webhook result, else the gateway polled every
 * `paymentPollIntervalMs`, until `paymentTimeoutMs`; then the payment is voided (or found paid).
 */
async function awaitResult(
  state: CheckoutState,
  steps: PaymentSteps,
  attempt: Attempt,
  timeouts: CheckoutTimeouts,
): Promise<PaymentOutcome> {
  const deadline = Date.now() + timeouts.paymentTimeoutMs
  for (;;) {
    const hook = attempt.outcome.intentId ? state.webhooks.get(attempt.outcome.intentId) : undefined
    if (hook && hook.occurredAt > attempt.appliedWebhookAt) {
      attempt.appliedWebhookAt = hook.occurredAt
      // A success is final whatever was said before; a failure only settles a pending attempt.
      if (hook.status === 'succeeded' || attempt.outcome.status === 'pending') {
        attempt.outcome = await steps.recordPaymentResult({ ...attempt.ref, result: hook })
      }
    }
    if (attempt.outcome.status !== 'pending') return attempt.outcome
    await state.settleCancel()
    state.setStage('awaiting_payment')
    state.progress.paymentClientSecret = attempt.outcome.clientSecret
    const remaining = deadline - Date.now()
    if (remaining <= 0) {
      attempt.outcome = await steps.cancelPayment({
        ...attempt.ref,
        intentId: attempt.outcome.intentId,
      })
      if (attempt.outcome.status === 'succeeded') return attempt.outcome
      throw new CheckoutFailed(
        'payment_timeout',
        'Your payment was not confirmed in time, so the order was cancelled; nothing was charged.',
      )
    }
    const seq = state.webhookSeq
    const woken = await condition(
      () => state.webhookSeq !== seq || state.cancelling || state.cancelReason !== null,
      Math.min(timeouts.paymentPollIntervalMs, remaining),
    )
    if (woken) continue
    try {
      const polled = await steps.getPaymentStatus({
        ...attempt.ref,
        intentId: attempt.outcome.intentId,
      })
      if (attempt.outcome.status === 'pending') attempt.outcome = polled
    } catch (error) {
      log.warn('payment status look-up failed; waiting for the next poll', {
        error: String(error),
      })
    }
  }
}

/** An earlier attempt a webhook has since reported as succeeded, recorded. */
async function webhookSuccess(state: CheckoutState, steps: PaymentSteps): Promise<string | null> {
  for (const attempt of state.attempts) {
    const hook = state.webhooks.get(attempt.outcome.intentId)
    if (hook?.status === 'succeeded' && hook.occurredAt > attempt.appliedWebhookAt) {
      attempt.appliedWebhookAt = hook.occurredAt
      attempt.outcome = await steps.recordPaymentResult({ ...attempt.ref, result: hook })
      if (attempt.outcome.status === 'succeeded') return attempt.outcome.intentId
    }
  }
  return null
}

/**
 * Charges the order, retrying soft declines and gateway errors with back-off and waiting for a new
 * payment method after a hard decline, up to `maxPaymentAttempts`. Returns the intent that paid,
 * or throws CheckoutFailed (declined, timed out, or cancelled by the shopper).
 */
export async function collectPayment(
  state: CheckoutState,
  order: { orderId: string; amount: CheckoutMoney },
  timeouts: CheckoutTimeouts,
): Promise<string> {
  const steps = paymentActivities(timeouts)
  const maxAttempts = timeouts.maxPaymentAttempts
  // A charge the gateway never answered may still have gone through. Since this patch such an
  // attempt is retried under its own idempotency key (never a new one, which could charge twice)
  // and resolved before the order is given up (never cancelled as "nothing was charged" blindly).
  const resolveUnknown = patched('payment-unknown-outcome')
  let keyAttempt = 0
  let unknown: { ref: PaymentAttemptRef; token: string } | null = null
  let last: PaymentOutcome | null = null
  for (let n = 1; n <= maxAttempts; n++) {
    await state.settleCancel()
    state.setStage('charging')
    state.progress.paymentAttempts = n
    state.progress.paymentClientSecret = null
    state.progress.failure = null
    if (unknown === null) keyAttempt += 1
    // A retried unknown charge keeps its key and attempt number, so the number can be below
    // maxAttempts on the last try: whether a failure ends the checkout is said explicitly (an
    // activity argument only, no new command).
    const ref: PaymentAttemptRef = {
      ...(unknown?.ref ?? {
        orderId: order.orderId,
        attempt: resolveUnknown ? keyAttempt : n,
        maxAttempts,
        amount: order.amount,
      }),
      final: n === maxAttempts,
    }
    const token: string = unknown?.token ?? state.paymentMethodToken
    let outcome: PaymentOutcome
    state.charging = true
    try {
      outcome = await steps.createPayment({ ...ref, paymentMethodToken: token })
    } catch (error) {
      outcome = failedCharge(error)
    } finally {
      state.charging = false
    }
    unknown =
      resolveUnknown && outcome.declineCode === 'gateway_unavailable' ? { ref, token } : null
    const attempt: Attempt = { ref, outcome, appliedWebhookAt: 0 }
    state.attempts.push(attempt)
    outcome = await awaitResult(state, steps, attempt, timeouts)
    if (outcome.status === 'succeeded') return (state.succeededIntentId = outcome.intentId)
    await state.settleCancel()
    last = outcome
    if (n === maxAttempts) break

    state.setStage('retrying_payment')
    // The shopper sees why while the checkout waits (a query field only: no new command).
    state.progress.failure = {
      code: 'payment_declined',
      message: outcome.retryable
        ? `${outcome.message ?? 'The payment did not go through.'} We will try again shortly, or you can use another payment method.`
        : `${outcome.message ?? 'Your payment was declined.'} Use another payment method to complete the order.`,
    }
    const seq = state.paymentMethodSeq
    const until =
      Date.now() +
      (outcome.retryable
        ? timeouts.paymentRetryBackoffMs * 2 ** (n - 1)
        : timeouts.paymentMethodWaitMs)
    for (;;) {
      const left = until - Date.now()
      const hooks = state.webhookSeq
      const woken =
        left > 0 &&
        (await condition(
          () =>
            state.paymentMethodSeq !== seq ||
            state.webhookSeq !== hooks ||
            state.cancelling ||
            state.cancelReason !== null,
          left,
        ))
      const paid = await webhookSuccess(state, steps)
      if (paid) return (state.succeededIntentId = paid)
      await state.settleCancel()
      if (!woken || state.paymentMethodSeq !== seq) break
    }
    // A hard decline is only worth retrying with a new payment method.
    if (state.paymentMethodSeq === seq && !outcome.retryable) break
  }
  if (unknown !== null) {
    // Giving up with the last charge unanswered: ask the gateway once more under the same key, so
    // a charge that did go through is honoured (or voided when it stays pending). A gateway still
    // silent after that is taken to have charged nothing (its later webhook, if any, is recorded).
    state.setStage('charging')
    let outcome: PaymentOutcome
    const ref: PaymentAttemptRef = { ...unknown.ref, final: true }
    state.charging = true
    try {
      outcome = await steps.resolvePayment({ ...ref, paymentMethodToken: unknown.token })
    } catch (error) {
      outcome = failedCharge(error)
    } finally {
      state.charging = false
    }
    const attempt: Attempt = { ref, outcome, appliedWebhookAt: 0 }
    state.attempts.push(attempt)
    outcome = await awaitResult(state, steps, attempt, timeouts)
    if (outcome.status === 'succeeded') return (state.succeededIntentId = outcome.intentId)
    last = outcome
  }
  const paid = await webhookSuccess(state, steps)
  if (paid) return (state.succeededIntentId = paid)
  if (last?.status === 'cancelled') {
    throw new CheckoutFailed('payment_declined', 'The payment was cancelled at the gateway.')
  }
  throw new CheckoutFailed(
    'payment_declined',
    last?.declineCode === 'gateway_unavailable'
      ? 'The payment provider is not responding, so the order was cancelled; nothing was charged.'
      : `${last?.message ?? 'Your payment was declined.'} The order was cancelled.`,
  )
}
