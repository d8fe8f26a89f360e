import { findOrderCartId, type Db } from '@emporium/db'
import type { Logger, TemporalClient } from '@emporium/infra'
import { cartAbandonmentWorkflowId, cartClosedSignal } from '@emporium/workflows'
import { WorkflowNotFoundError } from '@temporalio/client'
import { parseNotificationEvent } from '@emporium/domain'
import type { OutboxHandler } from '../outbox'

/**
 * Outbox handler: a paid order closes the abandonment workflow of the cart it was checked out
 * from, so no reminder follows a purchase. A cart without a running workflow needs nothing.
 */
export function createCloseOnCheckoutHandlers(deps: {
  db: Db
  logger: Logger
  temporal: () => Promise<TemporalClient>
}): { order: OutboxHandler[] } {
  const onOrder: OutboxHandler = async (event) => {
    if (event.event_type !== 'order.paid') return
    const { orderId } = parseNotificationEvent('order.paid', event.payload)
    const cartId = await findOrderCartId(deps.db, orderId)
    if (cartId === null) return
    const client = await deps.temporal()
    try {
      await client.workflow
        .getHandle(cartAbandonmentWorkflowId(cartId))
        .signal(cartClosedSignal, { reason: 'checked_out' })
      deps.logger.info({ cartId, orderId }, 'cart abandonment stopped: checked out')
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return // never started, or already finished
      throw error
    }
  }
  return { order: [onOrder] }
}
