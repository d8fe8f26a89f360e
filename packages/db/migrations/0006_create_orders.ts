/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

const ORDER_STATUSES = [
  'pending',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'cancelled',
  'partially_refunded',
  'refunded',
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createType('order_status').asEnum(ORDER_STATUSES).execute()
  await db.schema
    .createType('fulfillment_status')
    .asEnum(['pending', 'packed', 'shipped', 'delivered', 'cancelled'])
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Short human-facing order number.
    .addColumn('number', 'bigserial', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('cart_id', 'uuid')
    .addColumn('status', sql`order_status`, (c) => c.notNull().defaultTo('pending'))
    .addColumn('currency', sql`currency_code`, (c) => c.notNull())
    .addColumn('subtotal_minor', 'bigint', (c) => c.notNull().check(sql`subtotal_minor >= 0`))
    .addColumn('discount_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`discount_minor >= 0`),
    )
    .addColumn('tax_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`tax_minor >= 0`),
    )
    .addColumn('shipping_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`shipping_minor >= 0`),
    )
    .addColumn('total_minor', 'bigint', (c) => c.notNull().check(sql`total_minor >= 0`))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('checkout_workflow_id', 'text', (c) => c.unique())
    .addColumn('shipping_address', 'jsonb', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('placed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('paid_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'orders_total_adds_up',
      sql`total_minor = subtotal_minor - discount_minor + tax_minor + shipping_minor`,
    )
    .execute()
  await db.schema
    .createIndex('orders_user_id_idx')
    .on('orders')
    .columns(['user_id', 'created_at'])
    .execute()
  await db.schema.createIndex('orders_status_idx').on('orders').column('status').execute()

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('seller_id', 'uuid', (c) =>
      c.notNull().references('sellers.id').onDelete('restrict'),
    )
    // Catalog rows may be deleted later; the item keeps what was bought.
    .addColumn('variant_id', 'uuid', (c) =>
      c.references('product_variants.id').onDelete('set null'),
    )
    .addColumn('product_id', 'uuid', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('tax_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`tax_minor >= 0`),
    )
    .addColumn('discount_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`discount_minor >= 0`),
    )
    .addColumn('refunded_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint(
      'order_items_refunded_quantity_range',
      sql`refunded_quantity between 0 and quantity`,
    )
    .addCheckConstraint(
      'order_items_discount_within_line',
      sql`discount_minor <= unit_price_minor * quantity`,
    )
    .execute()
  await db.schema
    .createIndex('order_items_order_id_idx')
    .on('order_items')
    .column('order_id')
    .execute()
  await db.schema
    .createIndex('order_items_seller_id_idx')
    .on('order_items')
    .column('seller_id')
    .execute()
  await db.schema
    .createIndex('order_items_product_id_idx')
    .on('order_items')
    .column('product_id')
    .execute()

  await db.schema
    .createTable('order_status_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('from_status', sql`order_status`)
    .addColumn('to_status', sql`order_status`, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('order_status_history_order_id_idx')
    .on('order_status_history')
    .columns(['order_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('fulfillments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('seller_id', 'uuid', (c) =>
      c.notNull().references('sellers.id').onDelete('restrict'),
    )
    .addColumn('status', sql`fulfillment_status`, (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('fulfillments_order_seller_key', ['order_id', 'seller_id'])
    .execute()
  await db.schema
    .createIndex('fulfillments_seller_id_idx')
    .on('fulfillments')
    .columns(['seller_id', 'status'])
    .execute()

  await db.schema
    .createTable('coupon_redemptions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('coupon_id', 'bigint', (c) =>
      c.notNull().references('coupons.id').onDelete('restrict'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('discount_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`discount_minor >= 0`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('coupon_redemptions_coupon_order_key', ['coupon_id', 'order_id'])
    .execute()
  await db.schema
    .createIndex('coupon_redemptions_coupon_user_idx')
    .on('coupon_redemptions')
    .columns(['coupon_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'coupon_redemptions',
    'fulfillments',
    'order_status_history',
    'order_items',
    'orders',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropType('fulfillment_status').execute()
  await db.schema.dropType('order_status').execute()
}
