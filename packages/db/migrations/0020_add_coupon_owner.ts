/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A coupon issued to one shopper (a cart-recovery offer): nobody else may redeem it.
  await db.schema
    .alterTable('coupons')
    .addColumn('issued_to_user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .execute()
  await db.schema
    .createIndex('coupons_issued_to_user_id_idx')
    .on('coupons')
    .column('issued_to_user_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coupons').dropColumn('issued_to_user_id').execute()
}
