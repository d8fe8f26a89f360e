import { findOrderSearchFacts } from '@emporium/db'
import {
  format,
  parseCurrency,
  type CreateRefundInput,
  type RefundRequestResult,
} from '@emporium/domain'
import {
  CUSTOMER_ID_ATTRIBUTE,
  ORDER_ID_ATTRIBUTE,
  ORDER_STATUS_ATTRIBUTE,
  refundWorkflowId,
  SELLER_IDS_ATTRIBUTE,
  WORKFLOW_TYPES,
  type RefundInput,
  type RefundOutcome,
} from '@emporium/workflows'
import type { SearchAttributePair } from '@temporalio/common'
import type { refundWorkflow } from '@emporium/workflows/workflows'
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  type WorkflowHandle,
} from '@temporalio/client'
import { TRPCError } from '@trpc/server'
import { temporalClientOf } from '../checkout/temporal-client'
import type { Context } from '../context'

/** How long a request waits for the refund before answering "pending" (it completes on its own). */
export const REFUND_WAIT_MS = 15_000

const REFUSAL_CODES = {
  NOT_FOUND: 'NOT_FOUND',
  NOT_REFUNDABLE: 'PRECONDITION_FAILED',
  INVALID_ITEMS: 'BAD_REQUEST',
  REFUND_EXCEEDS_REMAINING: 'BAD_REQUEST',
} as const

function resultOf(outcome: RefundOutcome): RefundRequestResult {
  switch (outcome.status) {
    case 'succeeded':
      return {
        status: 'succeeded',
        refundId: outcome.refundId,
        amount: outcome.amount,
        orderStatus: outcome.orderStatus,
        restockedUnits: outcome.restockedUnits,
        message: 'Refunded.',
      }
    case 'failed':
      return {
        status: 'failed',
        refundId: outcome.refundId,
        amount: null,
        orderStatus: null,
        restockedUnits: 0,
        message: outcome.message,
      }
    case 'refused':
      throw new TRPCError({ code: REFUSAL_CODES[outcome.code], message: outcome.message })
  }
}

/**
 * Starts `refund:<orderId>:<idempotencyKey>` (a repeated request finds that workflow and starts
 * nothing new) and waits a little for its outcome; a refusal becomes a typed tRPC error with the
 * workflow's message ("only $10.00 … is left to refund").
 */
export async function requestRefund(
  ctx: Context,
  input: CreateRefundInput,
  requester: { userId: string; actor: string; sellerId?: string },
): Promise<RefundRequestResult> {
  const client = await temporalClientOf(ctx)
  const workflowInput: RefundInput = {
    orderId: input.orderId,
    requestKey: `${input.orderId}:${input.idempotencyKey}`,
    ...(input.amountMinor !== undefined ? { amountMinor: input.amountMinor } : {}),
    ...(input.items ? { items: input.items } : {}),
    restock: input.restock,
    reason: input.reason ?? null,
    requestedBy: requester.userId,
    actor: requester.actor,
    ...(requester.sellerId ? { sellerId: requester.sellerId } : {}),
  }
  const workflowId = refundWorkflowId(workflowInput.requestKey)
  // Found in the Temporal UI by the order's fields, like its checkout (an unknown order is refused
  // by the workflow itself).
  const order = await findOrderSearchFacts(ctx.db, input.orderId)
  const searchAttributes: SearchAttributePair[] = order
    ? [
        { key: ORDER_ID_ATTRIBUTE, value: input.orderId },
        { key: CUSTOMER_ID_ATTRIBUTE, value: order.userId },
        { key: SELLER_IDS_ATTRIBUTE, value: order.sellerIds },
        { key: ORDER_STATUS_ATTRIBUTE, value: order.status },
      ]
    : [{ key: ORDER_ID_ATTRIBUTE, value: input.orderId }]
  const lines = input.items?.length ?? 0
  const what =
    input.amountMinor === undefined
      ? `${String(lines)} line${lines === 1 ? '' : 's'} by items`
      : order
        ? format({ amount: input.amountMinor, currency: parseCurrency(order.currency) })
        : `${String(input.amountMinor)} minor units`
  let handle: WorkflowHandle<typeof refundWorkflow>
  try {
    handle = await client.workflow.start<typeof refundWorkflow>(WORKFLOW_TYPES.refund, {
      taskQueue: ctx.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [workflowInput],
      typedSearchAttributes: searchAttributes,
      staticSummary: `Refund of order ${order ? `#${String(order.number)}` : input.orderId}: ${what}${input.restock ? ', restocking' : ''}, requested by ${requester.actor}`,
    })
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error
    handle = client.workflow.getHandle<typeof refundWorkflow>(workflowId)
  }
  let timer: NodeJS.Timeout | undefined
  const waited = await Promise.race([
    handle.result(),
    new Promise<'pending'>((resolve) => {
      timer = setTimeout(() => resolve('pending'), REFUND_WAIT_MS)
    }),
  ]).finally(() => clearTimeout(timer))
  if (waited === 'pending') {
    return {
      status: 'pending',
      refundId: null,
      amount: null,
      orderStatus: null,
      restockedUnits: 0,
      message: 'The payment gateway is slow to answer; the refund completes on its own.',
    }
  }
  return resultOf(waited)
}
