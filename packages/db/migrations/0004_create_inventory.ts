/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createType('reservation_status')
    .asEnum(['active', 'committed', 'released', 'expired'])
    .execute()

  await db.schema
    .createTable('warehouses')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('country', 'char(2)', (c) => c.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('inventory_levels')
    .addColumn('variant_id', 'uuid', (c) =>
      c.notNull().references('product_variants.id').onDelete('cascade'),
    )
    .addColumn('warehouse_id', 'bigint', (c) =>
      c.notNull().references('warehouses.id').onDelete('restrict'),
    )
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    // Bumped on every change, for optimistic concurrency where callers want it.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('inventory_levels_pkey', ['variant_id', 'warehouse_id'])
    .addCheckConstraint('inventory_levels_on_hand_nonnegative', sql`on_hand >= 0`)
    .addCheckConstraint('inventory_levels_reserved_nonnegative', sql`reserved >= 0`)
    .addCheckConstraint('inventory_levels_reserved_within_on_hand', sql`reserved <= on_hand`)
    .execute()
  await db.schema
    .createIndex('inventory_levels_warehouse_id_idx')
    .on('inventory_levels')
    .column('warehouse_id')
    .execute()

  await db.schema
    .createTable('reservations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('variant_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'bigint', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    // Who holds the stock: the checkout workflow id (or cart id) that reserved it.
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('status', sql`reservation_status`, (c) => c.notNull().defaultTo('active'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'reservations_inventory_level_fkey',
      ['variant_id', 'warehouse_id'],
      'inventory_levels',
      ['variant_id', 'warehouse_id'],
      (fk) => fk.onDelete('cascade'),
    )
    // A repeated reserve step for the same owner finds its earlier row instead of reserving twice.
    .addUniqueConstraint('reservations_owner_variant_warehouse_key', [
      'owner_key',
      'variant_id',
      'warehouse_id',
    ])
    .execute()
  await db.schema
    .createIndex('reservations_active_expires_at_idx')
    .on('reservations')
    .column('expires_at')
    .where(sql.ref('status'), '=', sql`'active'::reservation_status`)
    .execute()

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('variant_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'bigint', (c) => c.notNull())
    .addColumn('on_hand_delta', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved_delta', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`reason in ('restock', 'adjustment', 'reserve', 'release', 'commit', 'return', 'seed')`,
        ),
    )
    .addColumn('reservation_id', 'uuid', (c) =>
      c.references('reservations.id').onDelete('set null'),
    )
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'stock_movements_inventory_level_fkey',
      ['variant_id', 'warehouse_id'],
      'inventory_levels',
      ['variant_id', 'warehouse_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('stock_movements_variant_idx')
    .on('stock_movements')
    .columns(['variant_id', 'warehouse_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stock_movements').execute()
  await db.schema.dropTable('reservations').execute()
  await db.schema.dropTable('inventory_levels').execute()
  await db.schema.dropTable('warehouses').execute()
  await db.schema.dropType('reservation_status').execute()
}
