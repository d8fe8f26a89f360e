/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The exchange rate a cart locked (one major unit of `exchange_rate_base` is worth
  // `exchange_rate` units of the order's currency), kept on the order it became.
  await db.schema
    .alterTable('orders')
    .addColumn('exchange_rate_base', sql`currency_code`)
    .addColumn('exchange_rate', 'numeric(20, 10)', (c) => c.check(sql`exchange_rate > 0`))
    .execute()
  await sql`alter table orders add constraint orders_exchange_rate_complete
    check ((exchange_rate is null) = (exchange_rate_base is null))`.execute(db)

  // A cart may be checked out again after a cancelled checkout (same workflow id, new run):
  // only one order that is not cancelled may belong to a checkout workflow id.
  await sql`alter table orders drop constraint orders_checkout_workflow_id_key`.execute(db)
  await sql`create unique index orders_live_checkout_workflow_id_key on orders (checkout_workflow_id)
    where status <> 'cancelled'`.execute(db)
  await db.schema
    .createIndex('orders_checkout_workflow_id_idx')
    .on('orders')
    .column('checkout_workflow_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_checkout_workflow_id_idx').execute()
  await db.schema.dropIndex('orders_live_checkout_workflow_id_key').execute()
  await sql`alter table orders add constraint orders_checkout_workflow_id_key unique (checkout_workflow_id)`.execute(
    db,
  )
  await sql`alter table orders drop constraint orders_exchange_rate_complete`.execute(db)
  await db.schema
    .alterTable('orders')
    .dropColumn('exchange_rate')
    .dropColumn('exchange_rate_base')
    .execute()
}
