/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

// The local stack creates these as superuser; IF NOT EXISTS turns the call into a no-op there,
// while a fresh database owned by the app role can still create them (they are trusted extensions).
const EXTENSIONS = ['citext', 'pg_trgm', 'unaccent'] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of EXTENSIONS) {
    await sql`create extension if not exists ${sql.id(name)}`.execute(db)
  }
  // One definition of an ISO 4217 code, reused by every money column pair.
  await sql`create domain currency_code as char(3) constraint currency_code_format check (value ~ '^[A-Z]{3}$')`.execute(
    db,
  )
  await db.schema.createType('user_role').asEnum(['customer', 'seller', 'admin']).execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', sql`citext`, (c) => c.notNull().unique())
    // Null for accounts that only sign in through OIDC.
    .addColumn('password_hash', 'text')
    .addColumn('display_name', 'text')
    .addColumn('role', sql`user_role`, (c) => c.notNull().defaultTo('customer'))
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('failed_login_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`failed_login_count >= 0`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('user_identities')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('email', sql`citext`)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('user_identities_provider_subject_key', ['provider', 'subject'])
    .execute()
  await db.schema
    .createIndex('user_identities_user_id_idx')
    .on('user_identities')
    .column('user_id')
    .execute()

  // Live sessions are in Redis; this table is the audit trail of sign-ins.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('user_agent', 'text')
    .addColumn('ip', sql`inet`)
    .execute()
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute()
  await db.schema.dropTable('user_identities').execute()
  await db.schema.dropTable('users').execute()
  await db.schema.dropType('user_role').execute()
  await sql`drop domain currency_code`.execute(db)
  // Extensions stay: the stack owns them and other databases objects may depend on them.
}
