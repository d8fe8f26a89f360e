/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createType('payment_status')
    .asEnum([
      'requires_action',
      'authorized',
      'captured',
      'voided',
      'failed',
      'partially_refunded',
      'refunded',
    ])
    .execute()
  await db.schema.createType('refund_status').asEnum(['pending', 'succeeded', 'failed']).execute()

  await db.schema
    .createTable('payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('restrict'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('intent_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', sql`payment_status`, (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('captured_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`captured_minor >= 0`),
    )
    .addColumn('currency', sql`currency_code`, (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('failure_code', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('payments_capture_within_amount', sql`captured_minor <= amount_minor`)
    .execute()
  await db.schema.createIndex('payments_order_id_idx').on('payments').column('order_id').execute()

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('payment_id', 'uuid', (c) =>
      c.notNull().references('payments.id').onDelete('restrict'),
    )
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', sql`currency_code`, (c) => c.notNull())
    .addColumn('status', sql`refund_status`, (c) => c.notNull().defaultTo('pending'))
    .addColumn('reason', 'text')
    .addColumn('gateway_refund_id', 'text', (c) => c.unique())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('refunds_payment_id_idx').on('refunds').column('payment_id').execute()

  // Refunds that are pending or succeeded may never add up to more than was captured. The payment row
  // is locked first, so two concurrent refunds on one payment are checked one after the other.
  await sql`
    create function refunds_within_captured() returns trigger language plpgsql as $$
    declare
      pay payments%rowtype;
      others bigint;
    begin
      select * into pay from payments where id = new.payment_id for update;
      if new.currency <> pay.currency then
        raise exception 'refund currency % differs from payment currency %', new.currency, pay.currency
          using errcode = '23514', constraint = 'refunds_currency_matches_payment';
      end if;
      if new.status = 'failed' then
        return new;
      end if;
      select coalesce(sum(amount_minor), 0) into others
        from refunds where payment_id = new.payment_id and status <> 'failed' and id <> new.id;
      if others + new.amount_minor > pay.captured_minor then
        raise exception 'refunds (% + %) would exceed captured amount % of payment %',
          others, new.amount_minor, pay.captured_minor, pay.id
          using errcode = '23514', constraint = 'refunds_within_captured';
      end if;
      return new;
    end $$`.execute(db)
  await sql`
    create trigger refunds_within_captured
    before insert or update of amount_minor, status, payment_id, currency on refunds
    for each row execute function refunds_within_captured()`.execute(db)

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .addColumn('error', 'text')
    .execute()
  await db.schema
    .createIndex('webhook_events_unprocessed_idx')
    .on('webhook_events')
    .column('received_at')
    .where(sql.ref('processed_at'), 'is', null)
    .execute()

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('fulfillment_id', 'uuid', (c) =>
      c.notNull().references('fulfillments.id').onDelete('cascade'),
    )
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('shipped_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .addUniqueConstraint('shipments_carrier_tracking_key', ['carrier', 'tracking_number'])
    .execute()
  await db.schema
    .createIndex('shipments_fulfillment_id_idx')
    .on('shipments')
    .column('fulfillment_id')
    .execute()

  await db.schema
    .createTable('tracking_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('shipment_id', 'uuid', (c) =>
      c.notNull().references('shipments.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('location', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Carriers resend events; the same one is stored once.
    .addUniqueConstraint('tracking_events_dedupe_key', ['shipment_id', 'occurred_at', 'status'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['tracking_events', 'shipments', 'webhook_events', 'refunds', 'payments']) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop function refunds_within_captured()`.execute(db)
  await db.schema.dropType('refund_status').execute()
  await db.schema.dropType('payment_status').execute()
}
