import type { StoredCart } from '@emporium/cart'
import {
  cartAbandonmentWorkflowId,
  cartActivitySignal,
  cartClosedSignal,
  WORKFLOW_TYPES,
} from '@emporium/workflows'
import { WorkflowNotFoundError } from '@temporalio/client'
import type { Context } from '../context'

async function signalAbandonment(ctx: Context, cart: StoredCart): Promise<void> {
  const client = await ctx.temporal()
  const workflowId = cartAbandonmentWorkflowId(cart.meta.id)
  if (cart.lines.length === 0) {
    try {
      await client.workflow.getHandle(workflowId).signal(cartClosedSignal, { reason: 'emptied' })
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return // no reminders were pending
      throw error
    }
    return
  }
  await client.workflow.signalWithStart(WORKFLOW_TYPES.cartAbandonment, {
    taskQueue: ctx.config.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [{ cartId: cart.meta.id, idleMs: ctx.config.CART_ABANDONMENT_IDLE_MS }],
    signal: cartActivitySignal,
    signalArgs: [],
  })
}

/**
 * Tells the cart's abandonment workflow about a change: a cart with lines (re)starts the idle
 * timer, an empty one stops the reminders. Only signed-in shoppers' carts are tracked, since a
 * guest has no address to remind. Runs in the background: a cart change never waits for or fails
 * on Temporal; a failure is logged as a warning.
 */
export function trackCartActivity(ctx: Context, cart: StoredCart): void {
  if (cart.meta.userId === null) return
  signalAbandonment(ctx, cart).catch((error: unknown) => {
    ctx.logger.warn(
      { err: error, cartId: cart.meta.id, requestId: ctx.requestId },
      'cart abandonment tracking failed; the cart change itself was saved',
    )
  })
}
