/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One fraud screening per order: its score and reasons, the signals' keys it was counted by
  // (client IP, card fingerprint) and, for a held order, the administrator's decision.
  await db.schema
    .createTable('order_risk_reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('order_id', 'uuid', (c) =>
      c.notNull().unique().references('orders.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('checkout_workflow_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('accepted', 'pending', 'approved', 'rejected', 'expired', 'cancelled')`,
        ),
    )
    .addColumn('client_ip', 'text')
    .addColumn('card_fingerprint', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // Velocity look-ups: screenings per IP and per card in the last hour.
  await db.schema
    .createIndex('order_risk_reviews_client_ip_idx')
    .on('order_risk_reviews')
    .columns(['client_ip', 'created_at'])
    .where(sql.ref('client_ip'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('order_risk_reviews_card_fingerprint_idx')
    .on('order_risk_reviews')
    .columns(['card_fingerprint', 'created_at'])
    .where(sql.ref('card_fingerprint'), 'is not', null)
    .execute()
  // The review queue: pending first, oldest first.
  await db.schema
    .createIndex('order_risk_reviews_status_idx')
    .on('order_risk_reviews')
    .columns(['status', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_risk_reviews').execute()
}
