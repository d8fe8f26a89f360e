/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createType('seller_status').asEnum(['pending', 'approved', 'suspended']).execute()
  await db.schema.createType('product_status').asEnum(['draft', 'active', 'archived']).execute()

  await db.schema
    .createTable('sellers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) =>
      c.notNull().unique().references('users.id').onDelete('restrict'),
    )
    .addColumn('store_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    )
    .addColumn('contact_email', sql`citext`, (c) => c.notNull())
    .addColumn('payout_currency', sql`currency_code`, (c) => c.notNull())
    .addColumn('status', sql`seller_status`, (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('categories')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('parent_id', 'bigint', (c) => c.references('categories.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull().check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`))
    // Slash-joined slugs from the root, e.g. `cell-phones/iphone`.
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull().check(sql`depth >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('categories_root_depth', sql`(parent_id is null) = (depth = 0)`)
    .addUniqueConstraint('categories_parent_slug_key', ['parent_id', 'slug'])
    .execute()
  await db.schema
    .createIndex('categories_parent_id_idx')
    .on('categories')
    .column('parent_id')
    .execute()

  await db.schema
    .createTable('products')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seller_id', 'uuid', (c) =>
      c.notNull().references('sellers.id').onDelete('restrict'),
    )
    .addColumn('category_id', 'bigint', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 500`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('brand', 'text')
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('status', sql`product_status`, (c) => c.notNull().defaultTo('draft'))
    .addColumn('rating_avg', 'numeric(3, 2)', (c) => c.check(sql`rating_avg between 1 and 5`))
    .addColumn('rating_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`rating_count >= 0`),
    )
    .addColumn('popularity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`popularity >= 0`),
    )
    .addColumn('search_vector', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english', name), 'A')
          || setweight(to_tsvector('english', coalesce(brand, '')), 'B')
          || setweight(to_tsvector('english', description), 'C')`,
        )
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('products_seller_id_idx')
    .on('products')
    .columns(['seller_id', 'status'])
    .execute()
  await db.schema
    .createIndex('products_category_id_idx')
    .on('products')
    .column('category_id')
    .execute()
  await db.schema
    .createIndex('products_popularity_idx')
    .on('products')
    .expression(sql`popularity desc`)
    .execute()
  await sql`create index products_name_trgm_idx on products using gin (name gin_trgm_ops)`.execute(
    db,
  )
  await sql`create index products_search_vector_idx on products using gin (search_vector)`.execute(
    db,
  )
  await sql`create index products_tags_idx on products using gin (tags)`.execute(db)

  await db.schema
    .createTable('product_options')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('product_id', 'uuid', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('product_options_product_name_key', ['product_id', 'name'])
    .execute()
  await db.schema
    .createTable('product_option_values')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('option_id', 'bigint', (c) =>
      c.notNull().references('product_options.id').onDelete('cascade'),
    )
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('product_option_values_option_value_key', ['option_id', 'value'])
    .execute()

  await db.schema
    .createTable('product_variants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('product_id', 'uuid', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    // Option name -> value, e.g. {"Color": "Black"}.
    .addColumn('option_values', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('weight_grams', 'integer', (c) => c.check(sql`weight_grams >= 0`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('product_variants_product_id_idx')
    .on('product_variants')
    .column('product_id')
    .execute()

  await db.schema
    .createTable('product_images')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('product_id', 'uuid', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('variant_id', 'uuid', (c) => c.references('product_variants.id').onDelete('cascade'))
    // Object-store key, or an absolute URL for imported catalog images.
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.check(sql`width > 0`))
    .addColumn('height', 'integer', (c) => c.check(sql`height > 0`))
    .addColumn('alt_text', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('product_images_product_key_key', ['product_id', 'storage_key'])
    .execute()

  await db.schema
    .createTable('prices')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('variant_id', 'uuid', (c) =>
      c.notNull().references('product_variants.id').onDelete('cascade'),
    )
    .addColumn('currency', sql`currency_code`, (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('compare_at_minor', 'bigint', (c) => c.check(sql`compare_at_minor >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('prices_variant_currency_key', ['variant_id', 'currency'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'prices',
    'product_images',
    'product_variants',
    'product_option_values',
    'product_options',
    'products',
    'categories',
    'sellers',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropType('product_status').execute()
  await db.schema.dropType('seller_status').execute()
}
