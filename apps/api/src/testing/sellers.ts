import { randomUUID } from 'node:crypto'
import type { Db, SellerStatus } from '@emporium/db'
import { createTestUser } from './users'

/** A seller user owning a store with the given status (approved by default), inserted straight in the database. */
export async function createTestSeller(db: Db, status: SellerStatus = 'approved') {
  const user = await createTestUser(db, 'seller')
  const slug = `store-${randomUUID().slice(0, 8)}`
  const seller = await db
    .insertInto('sellers')
    .values({
      user_id: user.id,
      store_name: `Store ${slug}`,
      slug,
      contact_email: user.email,
      payout_currency: 'USD',
      status,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { user, seller }
}
