import { randomUUID } from 'node:crypto'
import type { Db } from '../client'
import type { PiiKeyRing } from '../pii/envelope-cipher'
import { openAddress, sealAddressFields } from '../pii/sealed-address'
import type { Address } from '../schema'

export interface AddressFields {
  fullName: string
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postalCode: string
  country: string
  phone?: string | null
}

// Personal fields are sealed under the ring's current key; region and country stay plaintext.
const columns = (pii: PiiKeyRing, id: string, a: AddressFields) => ({
  ...sealAddressFields(pii, id, {
    full_name: a.fullName,
    line1: a.line1,
    line2: a.line2 ?? null,
    city: a.city,
    postal_code: a.postalCode,
    phone: a.phone ?? null,
  }),
  region: a.region ?? null,
  country: a.country,
})

/** A user's addresses in plaintext, default first, then newest. */
export async function listAddresses(db: Db, pii: PiiKeyRing, userId: string): Promise<Address[]> {
  const rows = await db
    .selectFrom('addresses')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((row) => openAddress(pii, row))
}

/** One of the user's addresses in plaintext; undefined when it is not theirs. */
export async function findAddress(
  db: Db,
  pii: PiiKeyRing,
  userId: string,
  id: string,
): Promise<Address | undefined> {
  const row = await db
    .selectFrom('addresses')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row && openAddress(pii, row)
}

/** Adds an address; the user's first address becomes the default, or this one when asked. */
export function createAddress(
  db: Db,
  pii: PiiKeyRing,
  userId: string,
  fields: AddressFields,
  makeDefault: boolean,
): Promise<Address> {
  // The id is chosen here because every sealed field is bound to it.
  const id = randomUUID()
  return db.transaction().execute(async (trx) => {
    // Serialize address changes of one user so two concurrent "first address" inserts cannot both be default.
    await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const existing = await trx
      .selectFrom('addresses')
      .select('id')
      .where('user_id', '=', userId)
      .limit(1)
      .executeTakeFirst()
    const isDefault = makeDefault || !existing
    if (isDefault) {
      await trx
        .updateTable('addresses')
        .set({ is_default: false })
        .where('user_id', '=', userId)
        .where('is_default', '=', true)
        .execute()
    }
    const row = await trx
      .insertInto('addresses')
      .values({ id, user_id: userId, ...columns(pii, id, fields), is_default: isDefault })
      .returningAll()
      .executeTakeFirstOrThrow()
    return openAddress(pii, row)
  })
}

/** Edits one of the user's addresses; undefined when it is not theirs. */
export async function updateAddress(
  db: Db,
  pii: PiiKeyRing,
  userId: string,
  id: string,
  fields: AddressFields,
): Promise<Address | undefined> {
  const row = await db
    .updateTable('addresses')
    .set({ ...columns(pii, id, fields), updated_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst()
  return row && openAddress(pii, row)
}

/** Makes one of the user's addresses the default (the old default is cleared in the same transaction). */
export function setDefaultAddress(db: Db, userId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('addresses')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!target) return false
    await trx
      .updateTable('addresses')
      .set({ is_default: false })
      .where('user_id', '=', userId)
      .where('is_default', '=', true)
      .execute()
    await trx
      .updateTable('addresses')
      .set({ is_default: true, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    return true
  })
}

/** Deletes one of the user's addresses; when it was the default, the newest other address becomes default. */
export function deleteAddress(db: Db, userId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('addresses')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning('is_default')
      .executeTakeFirst()
    if (!deleted) return false
    if (deleted.is_default) {
      const next = await trx
        .selectFrom('addresses')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()
      if (next)
        await trx
          .updateTable('addresses')
          .set({ is_default: true })
          .where('id', '=', next.id)
          .execute()
    }
    return true
  })
}

/** Updates the display name. */
export async function updateDisplayName(
  db: Db,
  userId: string,
  displayName: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ display_name: displayName, updated_at: new Date() })
    .where('id', '=', userId)
    .execute()
}
