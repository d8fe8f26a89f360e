import type { Db, OutboxEvent } from '@emporium/db'
import { recordPurchaseAffinity, type Redis } from '@emporium/infra'
import type { OutboxHandler } from './outbox-relay'

/**
 * A paid order teaches search what its customer likes: each product's category and brand gain
 * purchase weight in the shopper's affinity (counted once per order, so redeliveries are harmless).
 */
export function createPurchaseAffinityHandlers(
  db: Db,
  redis: Redis,
): Record<string, OutboxHandler[]> {
  return {
    order: [
      async (event: OutboxEvent) => {
        if (event.event_type === 'order.paid')
          await recordPurchaseAffinity(db, redis, event.aggregate_id)
      },
    ],
  }
}
