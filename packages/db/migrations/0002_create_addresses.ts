/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('addresses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('line1', 'text', (c) => c.notNull())
    .addColumn('line2', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('country', 'char(2)', (c) => c.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn('phone', 'text')
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('addresses_user_id_idx').on('addresses').column('user_id').execute()
  // At most one default per user...
  await db.schema
    .createIndex('addresses_one_default_per_user')
    .on('addresses')
    .column('user_id')
    .unique()
    .where(sql.ref('is_default'), '=', true)
    .execute()

  // ...and at least one, checked at commit so a transaction can move the default between rows
  // (clear the old one, set the new one) or delete the default and promote another.
  await sql`
    create function addresses_require_default() returns trigger language plpgsql as $$
    declare
      uid uuid := coalesce(new.user_id, old.user_id);
    begin
      if tg_op = 'UPDATE' and old.user_id <> new.user_id then
        perform addresses_check_default_for(old.user_id);
      end if;
      perform addresses_check_default_for(uid);
      return null;
    end $$`.execute(db)
  await sql`
    create function addresses_check_default_for(uid uuid) returns void language plpgsql as $$
    begin
      if exists (select 1 from addresses where user_id = uid)
         and not exists (select 1 from addresses where user_id = uid and is_default) then
        raise exception 'user % has addresses but no default address', uid
          using errcode = '23514', constraint = 'addresses_one_default_required';
      end if;
    end $$`.execute(db)
  await sql`
    create constraint trigger addresses_one_default_required
    after insert or update or delete on addresses
    deferrable initially deferred
    for each row execute function addresses_require_default()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('addresses').execute()
  await sql`drop function addresses_require_default()`.execute(db)
  await sql`drop function addresses_check_default_for(uuid)`.execute(db)
}
