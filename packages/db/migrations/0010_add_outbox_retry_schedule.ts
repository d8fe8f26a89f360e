/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A failed publish is retried with back-off: the relay leaves the row alone until this time.
  await db.schema
    .alterTable('outbox')
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // Events of one aggregate are published in id order: the relay asks "is there an older
  // unpublished event of this aggregate?" for every candidate, which this index answers.
  await db.schema
    .createIndex('outbox_unpublished_aggregate_idx')
    .on('outbox')
    .columns(['aggregate_type', 'aggregate_id', 'id'])
    .where(sql.ref('published_at'), 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_unpublished_aggregate_idx').execute()
  await db.schema.alterTable('outbox').dropColumn('available_at').execute()
}
