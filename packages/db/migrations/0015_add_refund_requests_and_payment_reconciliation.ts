/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // What is refunded (or reserved for a refund in flight) of each payment, moved in the same
  // transaction as the refund row: the CHECK makes "never more than captured" a database fact
  // even for two refunds racing on one payment (the second update waits for the first's row lock).
  await db.schema
    .alterTable('payments')
    .addColumn('refunded_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('payments')
    .addCheckConstraint(
      'payments_refunded_within_captured',
      sql`refunded_minor >= 0 and refunded_minor <= captured_minor`,
    )
    .execute()

  await db.schema
    .alterTable('refunds')
    .addColumn('order_id', 'uuid', (c) => c.references('orders.id').onDelete('restrict'))
    .addColumn('restock', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('failure_message', 'text')
    .execute()
  await db.schema.createIndex('refunds_order_id_idx').on('refunds').column('order_id').execute()

  // Refunds by items: which lines (and how many units) a refund gives back. order_items'
  // refunded_quantity (CHECK between 0 and quantity) is moved with these rows.
  await db.schema
    .createTable('refund_items')
    .addColumn('refund_id', 'uuid', (c) => c.notNull().references('refunds.id').onDelete('cascade'))
    .addColumn('order_item_id', 'bigint', (c) =>
      c.notNull().references('order_items.id').onDelete('restrict'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('restocked_warehouse_id', 'bigint')
    .addPrimaryKeyConstraint('refund_items_pkey', ['refund_id', 'order_item_id'])
    .execute()

  // What the reconciliation sweep found: payments whose gateway state disagrees with the order.
  await db.schema
    .createTable('payment_reconciliation_findings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('payment_id', 'uuid', (c) =>
      c.notNull().references('payments.id').onDelete('cascade'),
    )
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('gateway_succeeded_order_unpaid', 'order_paid_gateway_not_succeeded', 'gateway_unreachable')`,
        ),
    )
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('signalled_checkout', 'flagged')`),
    )
    .addColumn('gateway_status', 'text')
    .addColumn('order_status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('found_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .execute()
  // One open finding per payment and kind: a sweep every 15 minutes does not pile up duplicates.
  await db.schema
    .createIndex('payment_reconciliation_findings_open_key')
    .on('payment_reconciliation_findings')
    .columns(['payment_id', 'kind'])
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('payments_created_at_idx')
    .on('payments')
    .columns(['created_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('payments_created_at_idx').execute()
  await db.schema.dropTable('payment_reconciliation_findings').execute()
  await db.schema.dropTable('refund_items').execute()
  await db.schema.dropIndex('refunds_order_id_idx').execute()
  await db.schema
    .alterTable('refunds')
    .dropColumn('order_id')
    .dropColumn('restock')
    .dropColumn('requested_by')
    .dropColumn('failure_message')
    .execute()
  await db.schema
    .alterTable('payments')
    .dropConstraint('payments_refunded_within_captured')
    .execute()
  await db.schema.alterTable('payments').dropColumn('refunded_minor').execute()
}
