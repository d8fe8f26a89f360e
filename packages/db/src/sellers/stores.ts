import { sql } from 'kysely'
import type { Db } from '../client'
import type { Seller, SellerStatus } from '../schema'

/** Opens a store for a user (status pending) and makes the user a seller, atomically. Undefined when the slug is taken. */
export function openStore(
  db: Db,
  userId: string,
  store: { storeName: string; slug: string; contactEmail: string; payoutCurrency: string },
): Promise<Seller | undefined> {
  return db.transaction().execute(async (trx) => {
    const seller = await trx
      .insertInto('sellers')
      .values({
        user_id: userId,
        store_name: store.storeName,
        slug: store.slug,
        contact_email: store.contactEmail,
        payout_currency: store.payoutCurrency,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!seller) return undefined
    await trx
      .updateTable('users')
      .set({ role: 'seller', updated_at: new Date() })
      .where('id', '=', userId)
      .where('role', '=', 'customer')
      .execute()
    return seller
  })
}

/** The store a user owns, if any. */
export function findStoreByUser(db: Db, userId: string): Promise<Seller | undefined> {
  return db.selectFrom('sellers').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** The store with this id. */
export function findStoreById(db: Db, sellerId: string): Promise<Seller | undefined> {
  return db.selectFrom('sellers').selectAll().where('id', '=', sellerId).executeTakeFirst()
}

/** Edits a store's profile (never its owner, slug or status). */
export function updateStoreProfile(
  db: Db,
  sellerId: string,
  profile: { storeName: string; contactEmail: string; payoutCurrency: string },
): Promise<Seller | undefined> {
  return db
    .updateTable('sellers')
    .set({
      store_name: profile.storeName,
      contact_email: profile.contactEmail,
      payout_currency: profile.payoutCurrency,
      updated_at: new Date(),
    })
    .where('id', '=', sellerId)
    .returningAll()
    .executeTakeFirst()
}

/** Sets a store's status (admin approval or suspension, with its reason); undefined when no such store. */
export function setStoreStatus(
  db: Db,
  sellerId: string,
  change: { status: 'approved' | 'pending' } | { status: 'suspended'; reason: string },
): Promise<Seller | undefined> {
  return db
    .updateTable('sellers')
    .set({
      status: change.status,
      suspension_reason: change.status === 'suspended' ? change.reason : null,
      updated_at: new Date(),
    })
    .where('id', '=', sellerId)
    .returningAll()
    .executeTakeFirst()
}

/**
 * Stores by status, oldest first, keyset-paginated on (created_at, id). The cursor keeps created_at as
 * Postgres text, with its microseconds, since a JS Date would round them and skip or repeat rows.
 */
export function listStores(
  db: Db,
  options: { status?: SellerStatus; after?: { createdAt: string; id: string }; limit: number },
): Promise<(Seller & { cursor_created_at: string })[]> {
  let query = db
    .selectFrom('sellers')
    .selectAll()
    .select(sql<string>`created_at::text`.as('cursor_created_at'))
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit)
  if (options.status) query = query.where('status', '=', options.status)
  const after = options.after
  if (after) {
    query = query.where(
      sql<boolean>`(created_at, id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    )
  }
  return query.execute()
}
