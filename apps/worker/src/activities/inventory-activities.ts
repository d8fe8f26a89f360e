import { expireReservations } from '@emporium/db'
import { returnUnits } from '@emporium/infra'
import type { InventoryActivities } from '@emporium/workflows'
import type { WorkerDeps } from '../deps'

/** Activities of releaseExpiredReservationsWorkflow, over the database and the flash-sale gates in Redis. */
export function createInventoryActivities({
  db,
  redis,
  logger,
}: Pick<WorkerDeps, 'db' | 'redis' | 'logger'>): InventoryActivities {
  return {
    async releaseExpiredReservations({ limit }) {
      const released = await expireReservations(db, new Date(), limit)
      // Units of a flash-sale SKU flow back to its gate (a no-op for SKUs without a sale). Should
      // this fail after the commit, the gate stays short: buyers may be refused, never oversold.
      for (const r of released) await returnUnits(redis, r.variantId, r.quantity)
      if (released.length > 0)
        logger.info({ released: released.length }, 'expired reservations released')
      return released.length
    },
  }
}
