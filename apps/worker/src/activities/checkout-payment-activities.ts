import {
  paymentIdempotencyKey,
  recordPaymentAttempt,
  type Db,
  type PaymentStatus,
} from '@emporium/db'
import {
  GatewayUnavailableError,
  isTestCardToken,
  type Logger,
  type PaymentGateway,
  type PaymentState,
} from '@emporium/infra'
import {
  GATEWAY_UNAVAILABLE,
  PAYMENT_REJECTED,
  type CheckoutActivities,
  type PaymentAttemptRef,
  type PaymentOutcome,
} from '@emporium/workflows'
import { ApplicationFailure } from '@temporalio/common'

const ROW_STATUS: Record<PaymentState['status'], PaymentStatus> = {
  succeeded: 'captured',
  pending: 'requires_action',
  failed: 'failed',
  cancelled: 'voided',
}

function outcomeOf(state: PaymentState): PaymentOutcome {
  return {
    status: state.status,
    intentId: state.intentId,
    clientSecret: state.status === 'pending' ? state.clientSecret : null,
    declineCode: state.status === 'failed' ? state.declineCode : null,
    message: state.status === 'failed' ? state.message : null,
    retryable: state.status === 'failed' ? state.retryable : false,
  }
}

/** Gateway outages are retried by the workflow's policy; a refused payment method is not. */
function gatewayError(error: unknown): never {
  if (error instanceof GatewayUnavailableError)
    throw ApplicationFailure.create({
      type: GATEWAY_UNAVAILABLE,
      message: error.message,
      cause: error,
    })
  // Stripe's invalid-request errors (an unusable payment method id), matched by their type name.
  if ((error as { type?: unknown } | null)?.type === 'StripeInvalidRequestError') {
    throw ApplicationFailure.create({
      type: PAYMENT_REJECTED,
      message: `The payment method was not accepted: ${(error as Error).message}`,
      nonRetryable: true,
    })
  }
  throw error
}

/** Payment activities of checkoutWorkflow over the payment gateway port; every result is recorded. */
export function createCheckoutPaymentActivities({
  db,
  paymentGateway,
  logger,
}: {
  db: Db
  paymentGateway: PaymentGateway
  logger: Logger
}): Pick<
  CheckoutActivities,
  'createPayment' | 'getPaymentStatus' | 'recordPaymentResult' | 'cancelPayment'
> {
  async function record(ref: PaymentAttemptRef, state: PaymentState): Promise<PaymentOutcome> {
    const idempotencyKey = paymentIdempotencyKey(ref.orderId, ref.attempt)
    const outcome = outcomeOf(state)
    // A card error without an intent still gets a row, under a key-derived placeholder id.
    const intentId =
      outcome.intentId && outcome.intentId !== 'unknown'
        ? outcome.intentId
        : `none:${idempotencyKey}`
    const row = await recordPaymentAttempt(db, {
      orderId: ref.orderId,
      gateway: paymentGateway.name,
      intentId,
      attempt: ref.attempt,
      maxAttempts: ref.maxAttempts,
      final: ref.final,
      status: ROW_STATUS[state.status],
      amountMinor: ref.amount.amount,
      currency: ref.amount.currency,
      idempotencyKey,
      failureCode: outcome.declineCode,
      failureMessage: outcome.message,
    })
    // The row may already be further along (a webhook's success beats a late poll).
    if (row.status === 'captured' && outcome.status !== 'succeeded')
      return { ...outcome, status: 'succeeded', intentId, retryable: false }
    return { ...outcome, intentId }
  }

  return {
    async createPayment({ paymentMethodToken, ...ref }) {
      if (paymentGateway.name === 'test' && !isTestCardToken(paymentMethodToken)) {
        throw ApplicationFailure.create({
          type: PAYMENT_REJECTED,
          message: 'The payment method was not accepted: unknown test card.',
          nonRetryable: true,
        })
      }
      const state = await paymentGateway
        .createPayment({
          orderId: ref.orderId,
          amount: ref.amount,
          paymentMethodToken,
          idempotencyKey: paymentIdempotencyKey(ref.orderId, ref.attempt),
          metadata: { attempt: String(ref.attempt) },
        })
        .catch(gatewayError)
      logger.info(
        { orderId: ref.orderId, attempt: ref.attempt, status: state.status },
        'payment created',
      )
      return record(ref, state)
    },

    async getPaymentStatus({ intentId, ...ref }) {
      const state = await paymentGateway.getPayment(intentId).catch(gatewayError)
      return record(ref, state)
    },

    async recordPaymentResult({ result, ...ref }) {
      const state: PaymentState =
        result.status === 'succeeded'
          ? { status: 'succeeded', intentId: result.intentId }
          : {
              status: 'failed',
              intentId: result.intentId,
              declineCode: result.declineCode ?? 'card_declined',
              message: result.message ?? 'Your payment was declined.',
              retryable: false,
            }
      return record(ref, state)
    },

    async cancelPayment({ intentId, ...ref }) {
      const current = await paymentGateway.getPayment(intentId).catch(gatewayError)
      if (current.status === 'succeeded' || current.status === 'cancelled')
        return record(ref, current)
      const key = `${paymentIdempotencyKey(ref.orderId, ref.attempt)}:cancel`
      const state = await paymentGateway.cancelPayment(intentId, key).catch(gatewayError)
      logger.info({ orderId: ref.orderId, intentId, status: state.status }, 'payment voided')
      return record(ref, state)
    },
  }
}
