/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createType('coupon_kind')
    .asEnum(['percentage', 'fixed', 'free_shipping'])
    .execute()

  await db.schema
    .createTable('carts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Null for guest carts.
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('currency', sql`currency_code`, (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Decimal rate from the base currency, kept exact (read back as a string).
    .addColumn('exchange_rate', 'numeric(20, 10)', (c) => c.check(sql`exchange_rate > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('carts_user_id_idx').on('carts').column('user_id').execute()
  await db.schema.createIndex('carts_updated_at_idx').on('carts').column('updated_at').execute()

  await db.schema
    .createTable('tax_rates')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // Country or country-subdivision code, e.g. `US-CA`, `DE`.
    .addColumn('region', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`region ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rate_bps', 'integer', (c) => c.notNull().check(sql`rate_bps between 0 and 10000`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('coupons')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('code', sql`citext`, (c) => c.notNull().unique())
    .addColumn('kind', sql`coupon_kind`, (c) => c.notNull())
    // Basis points for `percentage`, minor units of `currency` for `fixed`, 0 for `free_shipping`.
    .addColumn('value', 'bigint', (c) => c.notNull().check(sql`value >= 0`))
    .addColumn('currency', sql`currency_code`)
    .addColumn('min_spend_minor', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`min_spend_minor >= 0`),
    )
    .addColumn('starts_at', 'timestamptz')
    .addColumn('ends_at', 'timestamptz')
    .addColumn('usage_limit_total', 'integer', (c) => c.check(sql`usage_limit_total > 0`))
    .addColumn('usage_limit_per_customer', 'integer', (c) =>
      c.check(sql`usage_limit_per_customer > 0`),
    )
    .addColumn('stackable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('times_redeemed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`times_redeemed >= 0`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('coupons_within_usage_limit', sql`times_redeemed <= usage_limit_total`)
    .addCheckConstraint(
      'coupons_window',
      sql`ends_at is null or starts_at is null or ends_at > starts_at`,
    )
    .addCheckConstraint(
      'coupons_percentage_range',
      sql`kind <> 'percentage' or value between 1 and 10000`,
    )
    .addCheckConstraint(
      'coupons_fixed_has_currency',
      sql`kind <> 'fixed' or (currency is not null and value > 0)`,
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coupons').execute()
  await db.schema.dropTable('tax_rates').execute()
  await db.schema.dropTable('carts').execute()
  await db.schema.dropType('coupon_kind').execute()
}
