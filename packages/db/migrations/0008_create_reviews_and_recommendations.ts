/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createType('review_status').asEnum(['published', 'held', 'rejected']).execute()

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('product_id', 'uuid', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rating', 'smallint', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', sql`review_status`, (c) => c.notNull().defaultTo('held'))
    .addColumn('spam_score', 'real', (c) => c.check(sql`spam_score between 0 and 1`))
    .addColumn('spam_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('verified_purchase', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('helpful_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`helpful_count >= 0`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('reviews_user_product_key', ['user_id', 'product_id'])
    .execute()
  await db.schema
    .createIndex('reviews_product_status_idx')
    .on('reviews')
    .columns(['product_id', 'status'])
    .execute()
  await db.schema
    .createIndex('reviews_held_idx')
    .on('reviews')
    .column('created_at')
    .where(sql.ref('status'), '=', sql`'held'::review_status`)
    .execute()

  await db.schema
    .createTable('review_votes')
    .addColumn('review_id', 'uuid', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('helpful', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('review_votes_pkey', ['review_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('seller_ratings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('seller_id', 'uuid', (c) => c.notNull().references('sellers.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('shipping', 'smallint', (c) => c.notNull().check(sql`shipping between 1 and 5`))
    .addColumn('accuracy', 'smallint', (c) => c.notNull().check(sql`accuracy between 1 and 5`))
    .addColumn('communication', 'smallint', (c) =>
      c.notNull().check(sql`communication between 1 and 5`),
    )
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('seller_ratings_order_seller_key', ['order_id', 'seller_id'])
    .execute()
  await db.schema
    .createIndex('seller_ratings_seller_id_idx')
    .on('seller_ratings')
    .column('seller_id')
    .execute()

  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // e.g. `also_bought` (subject = product id), `for_user` (subject = user id), `trending` (subject = category).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('recommendations_kind_subject_algorithm_key', [
      'kind',
      'subject_id',
      'algorithm',
    ])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['recommendations', 'seller_ratings', 'review_votes', 'reviews']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropType('review_status').execute()
}
