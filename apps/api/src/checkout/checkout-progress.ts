import {
  cancelCheckoutUpdate,
  checkoutProgressQuery,
  CUSTOMER_ID_ATTRIBUTE,
  updatePaymentMethodSignal,
  type CheckoutProgress,
  type CheckoutResult,
} from '@emporium/workflows'
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client'
import { TRPCError } from '@trpc/server'
import type { Context } from '../context'
import type { CheckoutProgressView } from './checkout-schemas'
import { temporalClientOf } from './temporal-client'

type AuthedContext = Context & { session: NonNullable<Context['session']> }

const notFound = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'No such checkout in your account.' })

/** The caller's checkout workflow (latest run of `checkout:<cartId>`); NOT_FOUND for anyone else's. */
async function ownHandle(
  ctx: AuthedContext,
  checkoutId: string,
  runId?: string,
): Promise<{ handle: WorkflowHandle; running: boolean }> {
  const client = await temporalClientOf(ctx)
  const handle = client.workflow.getHandle(checkoutId, runId)
  try {
    const description = await handle.describe()
    if (description.typedSearchAttributes.get(CUSTOMER_ID_ATTRIBUTE) !== ctx.session.userId) {
      throw notFound()
    }
    return { handle, running: description.status.name === 'RUNNING' }
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound()
    throw error
  }
}

function fromResult(checkoutId: string, result: CheckoutResult): CheckoutProgressView {
  return result.status === 'paid'
    ? {
        checkoutId,
        stage: 'paid',
        orderId: result.orderId,
        orderNumber: result.orderNumber,
        paymentClientSecret: null,
        paymentAttempts: 0,
        failure: null,
        done: true,
      }
    : {
        checkoutId,
        stage: 'cancelled',
        orderId: result.orderId,
        orderNumber: result.orderNumber,
        paymentClientSecret: null,
        paymentAttempts: 0,
        failure: result.failure,
        done: true,
      }
}

/** Where the caller's checkout stands: live from the workflow, or its result once it has ended. */
export async function checkoutProgress(
  ctx: AuthedContext,
  checkoutId: string,
  runId?: string,
): Promise<CheckoutProgressView> {
  const { handle, running } = await ownHandle(ctx, checkoutId, runId)
  if (running) {
    const progress: CheckoutProgress = await handle.query(checkoutProgressQuery)
    return {
      checkoutId,
      ...progress,
      done: progress.stage === 'paid' || progress.stage === 'cancelled',
    }
  }
  try {
    return fromResult(checkoutId, (await handle.result()) as CheckoutResult)
  } catch (error) {
    ctx.logger.error({ err: error, checkoutId }, 'checkout workflow failed')
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message:
        'This checkout stopped unexpectedly. No order was charged twice; please contact support.',
      cause: error,
    })
  }
}

/** "Cancel before payment": CONFLICT with the workflow's reason when the payment has already gone through. */
export async function cancelCheckout(
  ctx: AuthedContext,
  checkoutId: string,
  reason: string | undefined,
): Promise<{ message: string }> {
  const { handle, running } = await ownHandle(ctx, checkoutId)
  if (!running) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This checkout has already finished.' })
  }
  const outcome = await handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason }] })
  if (!outcome.accepted) throw new TRPCError({ code: 'CONFLICT', message: outcome.message })
  return { message: outcome.message }
}

/** Hands a new payment method to a checkout waiting after a soft decline. */
export async function updatePaymentMethod(
  ctx: AuthedContext,
  checkoutId: string,
  paymentMethodToken: string,
): Promise<void> {
  const { handle, running } = await ownHandle(ctx, checkoutId)
  if (!running) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This checkout has already finished.' })
  }
  await handle.signal(updatePaymentMethodSignal, { paymentMethodToken })
}
