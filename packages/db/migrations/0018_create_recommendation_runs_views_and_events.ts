/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Product page views of signed-in shoppers: the view history the daily recommendation job reads.
  await db.schema
    .createTable('product_views')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('product_id', 'uuid', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('viewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('product_views_user_viewed_idx')
    .on('product_views')
    .columns(['user_id', 'viewed_at'])
    .execute()

  // One row per run of the daily job; a channel (the shop's is `live`) points at its published run.
  await db.schema
    .createTable('recommendation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('running')
        .check(sql`status in ('running', 'published')`),
    )
    .addColumn('lists', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute()
  await db.schema
    .createTable('recommendation_channels')
    .addColumn('channel', 'text', (c) => c.primaryKey())
    .addColumn('current_run_id', 'text', (c) =>
      c.notNull().references('recommendation_runs.id').onDelete('restrict'),
    )
    .addColumn('previous_run_id', 'text', (c) =>
      c.references('recommendation_runs.id').onDelete('set null'),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // History read by a run, one row per batch; `processed_count` counts how often a batch was read.
  await db.schema
    .createTable('recommendation_run_batches')
    .addColumn('run_id', 'text', (c) =>
      c.notNull().references('recommendation_runs.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('purchase', 'view')`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('cursor_after', 'text', (c) => c.notNull())
    .addColumn('interactions', 'jsonb', (c) => c.notNull())
    .addColumn('processed_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('recommendation_run_batches_pkey', ['run_id', 'source', 'seq'])
    .execute()

  // Lists are kept per run, so a new run is written beside the served one and swapped in at once.
  await db.schema
    .alterTable('recommendations')
    .dropConstraint('recommendations_kind_subject_algorithm_key')
    .execute()
  await db.schema
    .alterTable('recommendations')
    .addUniqueConstraint('recommendations_run_kind_subject_algorithm_key', [
      'run_id',
      'kind',
      'subject_id',
      'algorithm',
    ])
    .execute()

  // Impressions and clicks of served lists, each with the algorithm and A/B variant that served it.
  await db.schema
    .createTable('recommendation_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('impression', 'click')`))
    .addColumn('impression_id', 'uuid', (c) => c.notNull())
    .addColumn('visitor_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('surface', 'text', (c) =>
      c.notNull().check(sql`surface in ('product', 'user', 'popular')`),
    )
    .addColumn('experiment', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('product_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One impression per slot and at most one click per shown item: a repeated click counts once.
    .addUniqueConstraint('recommendation_events_impression_item_type_key', [
      'impression_id',
      'product_id',
      'type',
    ])
    .execute()
  await db.schema
    .createIndex('recommendation_events_experiment_idx')
    .on('recommendation_events')
    .columns(['experiment', 'algorithm', 'type'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation_events').execute()
  await db.schema
    .alterTable('recommendations')
    .dropConstraint('recommendations_run_kind_subject_algorithm_key')
    .execute()
  await db.schema
    .alterTable('recommendations')
    .addUniqueConstraint('recommendations_kind_subject_algorithm_key', [
      'kind',
      'subject_id',
      'algorithm',
    ])
    .execute()
  for (const table of [
    'recommendation_run_batches',
    'recommendation_channels',
    'recommendation_runs',
    'product_views',
  ])
    await db.schema.dropTable(table).execute()
}
