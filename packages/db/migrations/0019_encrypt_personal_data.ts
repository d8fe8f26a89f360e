/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import type { Kysely } from 'kysely'

// Personal data is sealed by the application (AES-256-GCM envelopes, see packages/db/src/pii).
// `pii_key_id` names the key a row's personal fields are sealed with; null marks a row written
// before encryption, still plaintext until `npm run pii:reencrypt` seals it.
export async function up(db: Kysely<any>): Promise<void> {
  // Address book: full_name, line1, line2, city, postal_code and phone hold sealed values;
  // region and country stay plaintext (tax and shipping rules read them).
  await db.schema.alterTable('addresses').addColumn('pii_key_id', 'text').execute()
  // Orders: the shipping snapshot is sealed whole; the jsonb keeps only its country and region.
  await db.schema
    .alterTable('orders')
    .addColumn('shipping_address_sealed', 'text')
    .addColumn('pii_key_id', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .dropColumn('shipping_address_sealed')
    .dropColumn('pii_key_id')
    .execute()
  await db.schema.alterTable('addresses').dropColumn('pii_key_id').execute()
}
