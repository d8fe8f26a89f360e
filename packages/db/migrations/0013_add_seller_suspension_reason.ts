/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Why an admin suspended a store, shown to its owner; only a suspended store has one.
  await db.schema.alterTable('sellers').addColumn('suspension_reason', 'text').execute()
  await db.schema
    .alterTable('sellers')
    .addCheckConstraint(
      'sellers_suspension_reason_check',
      sql`suspension_reason is null or (status = 'suspended' and length(suspension_reason) between 1 and 500)`,
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sellers').dropColumn('suspension_reason').execute()
}
