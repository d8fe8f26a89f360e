/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

// Reference rates so a fresh database can price carts in every supported currency; operations
// replace them from a rate feed. One major unit of `base` is worth `rate` major units of `quote`.
const SEED_RATES: [string, string, string][] = [
  ['USD', 'EUR', '0.92'],
  ['USD', 'GBP', '0.79'],
  ['USD', 'CAD', '1.36'],
  ['USD', 'JPY', '151.5'],
  ['EUR', 'USD', '1.087'],
  ['GBP', 'USD', '1.266'],
  ['CAD', 'USD', '0.735'],
  ['JPY', 'USD', '0.0066'],
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exchange_rates')
    .addColumn('base', sql`currency_code`, (c) => c.notNull())
    .addColumn('quote', sql`currency_code`, (c) => c.notNull())
    // Exact decimal, read back as a string and turned into a fraction by the domain.
    .addColumn('rate', 'numeric(20, 10)', (c) => c.notNull().check(sql`rate > 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('exchange_rates_pkey', ['base', 'quote'])
    .addCheckConstraint('exchange_rates_distinct_currencies', sql`base <> quote`)
    .execute()
  await db
    .insertInto('exchange_rates')
    .values(SEED_RATES.map(([base, quote, rate]) => ({ base, quote, rate })))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exchange_rates').execute()
}
