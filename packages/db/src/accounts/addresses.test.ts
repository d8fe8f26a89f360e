import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../client'
import { createTestDb, insertTestUser, TEST_DATABASE_URL, testPiiKeyRing } from '../testing'
import {
  createAddress,
  deleteAddress,
  listAddresses,
  setDefaultAddress,
  type AddressFields,
} from './addresses'

const pii = testPiiKeyRing()

const at = (line1: string): AddressFields => ({
  fullName: 'Grace Hopper',
  line1,
  city: 'Arlington',
  postalCode: '22201',
  country: 'US',
})

/** The user's address book as [line1, isDefault], default first, then newest. */
async function book(db: Db, userId: string) {
  return (await listAddresses(db, pii, userId)).map((a) => [a.line1, a.is_default])
}

describe('address book queries', () => {
  let db: Db
  let pool: Db // wide pool, so the inserts below really race

  beforeAll(async () => {
    db = await createTestDb()
    pool = createDb(process.env.DATABASE_URL ?? TEST_DATABASE_URL, 10)
  })
  afterAll(async () => {
    await pool.destroy()
    await db.destroy()
  })

  it('makes exactly one of several concurrent first addresses the default', async () => {
    const user = await insertTestUser(db)
    const created = await Promise.all(
      ['1 A St', '2 B St', '3 C St', '4 D St', '5 E St'].map((line) =>
        createAddress(pool, pii, user.id, at(line), false),
      ),
    )
    expect(created.filter((a) => a.is_default)).toHaveLength(1)
    const rows = await listAddresses(db, pii, user.id)
    expect(rows).toHaveLength(5)
    expect(rows.filter((a) => a.is_default).map((a) => a.id)).toEqual(
      created.filter((a) => a.is_default).map((a) => a.id),
    )
  })

  it('moves the default when a new address asks for it', async () => {
    const user = await insertTestUser(db)
    await createAddress(db, pii, user.id, at('1 Old St'), false)
    await createAddress(db, pii, user.id, at('2 New St'), true)
    expect(await book(db, user.id)).toEqual([
      ['2 New St', true],
      ['1 Old St', false],
    ])
  })

  it('promotes the most recent other address when the default is deleted', async () => {
    const user = await insertTestUser(db)
    const first = await createAddress(db, pii, user.id, at('1 First St'), false)
    await createAddress(db, pii, user.id, at('2 Second St'), false)
    await createAddress(db, pii, user.id, at('3 Third St'), false)
    expect(await deleteAddress(db, user.id, first.id)).toBe(true)
    expect(await book(db, user.id)).toEqual([
      ['3 Third St', true],
      ['2 Second St', false],
    ])
  })

  it("leaves another user's address alone", async () => {
    const owner = await insertTestUser(db)
    const other = await insertTestUser(db)
    await createAddress(db, pii, owner.id, at('1 Home St'), false)
    const second = await createAddress(db, pii, owner.id, at('2 Work St'), false)
    expect(await setDefaultAddress(db, other.id, second.id)).toBe(false)
    expect(await deleteAddress(db, other.id, second.id)).toBe(false)
    expect(await book(db, owner.id)).toEqual([
      ['1 Home St', true],
      ['2 Work St', false],
    ])
  })
})
