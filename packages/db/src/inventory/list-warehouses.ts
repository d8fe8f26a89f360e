import type { Db } from '../client'

/** Stock locations, newest first (at most 200), as a seller picks one to receive stock in. */
export async function listWarehouses(db: Db) {
  return db
    .selectFrom('warehouses')
    .select(['id', 'code', 'name', 'region', 'country'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}
