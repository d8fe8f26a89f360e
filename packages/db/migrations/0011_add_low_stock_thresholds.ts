/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Per-level low-stock threshold; null means the shop default.
  await db.schema
    .alterTable('inventory_levels')
    .addColumn('low_stock_threshold', 'integer', (c) =>
      c.check(sql`low_stock_threshold is null or low_stock_threshold >= 0`),
    )
    .execute()
  // The seller dashboard lists a store's low-stock alerts (outbox events of the seller aggregate),
  // newest first, whether or not the relay has published them yet.
  await db.schema
    .createIndex('outbox_stock_low_by_seller_idx')
    .on('outbox')
    .columns(['aggregate_id', 'id'])
    .where(sql.ref('event_type'), '=', sql`'stock.low'`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_stock_low_by_seller_idx').execute()
  await db.schema.alterTable('inventory_levels').dropColumn('low_stock_threshold').execute()
}
