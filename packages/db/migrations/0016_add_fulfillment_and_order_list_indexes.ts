/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A seller's orders to fulfil and a shopper's order history are read newest first a page at a
  // time by (created_at, id); these indexes serve those keyset pages without sorting.
  await db.schema
    .createIndex('fulfillments_seller_created_idx')
    .on('fulfillments')
    .columns(['seller_id', 'created_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('orders_user_created_idx')
    .on('orders')
    .columns(['user_id', 'created_at desc', 'id desc'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_user_created_idx').execute()
  await db.schema.dropIndex('fulfillments_seller_created_idx').execute()
}
