import { DEFAULT_LOW_STOCK_THRESHOLD, type Db } from '@emporium/db'
import { registerReadGauge } from '@emporium/infra'
import { sql } from 'kysely'

/** A pending order older than this belongs to a checkout that should have ended (payment waits are shorter). */
export const STUCK_CHECKOUT_AFTER_S = 30 * 60

/**
 * Gauges read from PostgreSQL at scrape time: stock at or below its low-stock threshold, and
 * pending orders older than STUCK_CHECKOUT_AFTER_S (a checkout workflow that stopped moving).
 * Registered once per worker process; `db` is the worker's pool.
 */
export function registerDbGauges(db: Db): void {
  registerReadGauge(
    'emporium_inventory_low_stock_levels',
    'Inventory levels (variant × warehouse) whose available units are at or below their low-stock threshold.',
    async () => {
      const row = await db
        .selectFrom('inventory_levels')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where(
          sql<boolean>`on_hand - reserved <= coalesce(low_stock_threshold, ${DEFAULT_LOW_STOCK_THRESHOLD})`,
        )
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
  )
  registerReadGauge(
    'emporium_checkouts_stuck',
    `Orders still pending more than ${String(STUCK_CHECKOUT_AFTER_S)} s after they were created (their checkout workflow stopped moving).`,
    async () => {
      const row = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'pending')
        .where('created_at', '<', new Date(Date.now() - STUCK_CHECKOUT_AFTER_S * 1000))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
  )
}
