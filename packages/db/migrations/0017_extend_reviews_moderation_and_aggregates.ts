/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Photos (object-store keys of uploaded review photos), the seller's public reply.
  await db.schema
    .alterTable('reviews')
    .addColumn('photo_keys', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('seller_reply', 'text')
    .addColumn('seller_replied_at', 'timestamptz')
    .execute()
  await db.schema
    .alterTable('reviews')
    .addCheckConstraint(
      'reviews_seller_reply_check',
      sql`(seller_reply is null) = (seller_replied_at is null) and (seller_reply is null or length(seller_reply) between 1 and 2000)`,
    )
    .execute()
  // Listing a product's published reviews by newest, rating or helpfulness.
  await db.schema
    .createIndex('reviews_product_published_created_idx')
    .on('reviews')
    .columns(['product_id', 'created_at desc'])
    .where(sql.ref('status'), '=', sql`'published'::review_status`)
    .execute()
  await db.schema
    .createIndex('reviews_user_created_idx')
    .on('reviews')
    .columns(['user_id', 'created_at'])
    .execute()
  await db.schema.createIndex('reviews_created_idx').on('reviews').column('created_at').execute()

  // Every status decision on a review, automatic (decided_by null) or by an administrator, with its reasons.
  await db.schema
    .createTable('review_moderation_decisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('review_id', 'uuid', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('status', sql`review_status`, (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('spam_score', 'real')
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('review_moderation_decisions_review_idx')
    .on('review_moderation_decisions')
    .columns(['review_id', 'id'])
    .execute()

  // Abuse reports: one per user and review.
  await db.schema
    .createTable('review_reports')
    .addColumn('review_id', 'uuid', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) between 1 and 1000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('review_reports_pkey', ['review_id', 'user_id'])
    .execute()

  // Product rating aggregates, recomputed from published reviews by the outbox handler.
  await db.schema
    .createTable('product_rating_summaries')
    .addColumn('product_id', 'uuid', (c) =>
      c.primaryKey().references('products.id').onDelete('cascade'),
    )
    .addColumn('review_count', 'integer', (c) => c.notNull().check(sql`review_count >= 0`))
    .addColumn('stars_1', 'integer', (c) => c.notNull())
    .addColumn('stars_2', 'integer', (c) => c.notNull())
    .addColumn('stars_3', 'integer', (c) => c.notNull())
    .addColumn('stars_4', 'integer', (c) => c.notNull())
    .addColumn('stars_5', 'integer', (c) => c.notNull())
    .addColumn('average', 'float8')
    .addColumn('bayesian_average', 'float8', (c) => c.notNull())
    .addColumn('wilson_score', 'float8', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('product_rating_summaries_rank_idx')
    .on('product_rating_summaries')
    .column('bayesian_average desc')
    .execute()

  // Seller rating aggregates, recomputed from seller_ratings by the outbox handler.
  await db.schema
    .createTable('seller_rating_summaries')
    .addColumn('seller_id', 'uuid', (c) =>
      c.primaryKey().references('sellers.id').onDelete('cascade'),
    )
    .addColumn('rating_count', 'integer', (c) => c.notNull().check(sql`rating_count >= 0`))
    .addColumn('shipping_average', 'float8')
    .addColumn('accuracy_average', 'float8')
    .addColumn('communication_average', 'float8')
    .addColumn('overall_average', 'float8')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'seller_rating_summaries',
    'product_rating_summaries',
    'review_reports',
    'review_moderation_decisions',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropIndex('reviews_created_idx').execute()
  await db.schema.dropIndex('reviews_user_created_idx').execute()
  await db.schema.dropIndex('reviews_product_published_created_idx').execute()
  await db.schema.alterTable('reviews').dropConstraint('reviews_seller_reply_check').execute()
  await db.schema
    .alterTable('reviews')
    .dropColumn('photo_keys')
    .dropColumn('seller_reply')
    .dropColumn('seller_replied_at')
    .execute()
}
