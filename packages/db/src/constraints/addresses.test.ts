import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb, insertTestUser } from '../testing'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.destroy()
})

function address(userId: string, line1: string, isDefault: boolean) {
  return {
    user_id: userId,
    full_name: 'Test Person',
    line1,
    city: 'Springfield',
    postal_code: '12345',
    country: 'US',
    is_default: isDefault,
  }
}

async function defaults(userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('addresses')
    .select('line1')
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .execute()
  return rows.map((r) => r.line1)
}

describe('exactly one default address per user', () => {
  it('rejects a second default and keeps the first', async () => {
    const user = await insertTestUser(db)
    await db
      .insertInto('addresses')
      .values(address(user.id, '1 First St', true))
      .execute()
    await expect(
      db
        .insertInto('addresses')
        .values(address(user.id, '2 Second St', true))
        .execute(),
    ).rejects.toMatchObject({ code: '23505', constraint: 'addresses_one_default_per_user' })
    expect(await defaults(user.id)).toEqual(['1 First St'])
  })

  it('rejects a first address that is not the default', async () => {
    const user = await insertTestUser(db)
    await expect(
      db
        .insertInto('addresses')
        .values(address(user.id, '1 First St', false))
        .execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'addresses_one_default_required' })
    const count = await db
      .selectFrom('addresses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(0)
  })

  it('switches the default inside one transaction', async () => {
    const user = await insertTestUser(db)
    await db
      .insertInto('addresses')
      .values(address(user.id, '1 First St', true))
      .execute()
    const second = await db
      .insertInto('addresses')
      .values(address(user.id, '2 Second St', false))
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('addresses')
        .set({ is_default: false })
        .where('user_id', '=', user.id)
        .execute()
      await trx
        .updateTable('addresses')
        .set({ is_default: true })
        .where('id', '=', second.id)
        .execute()
    })
    expect(await defaults(user.id)).toEqual(['2 Second St'])
  })

  it('refuses to leave a user without a default, but allows deleting their last address', async () => {
    const user = await insertTestUser(db)
    const first = await db
      .insertInto('addresses')
      .values(address(user.id, '1 First St', true))
      .returning('id')
      .executeTakeFirstOrThrow()
    const second = await db
      .insertInto('addresses')
      .values(address(user.id, '2 Second St', false))
      .returning('id')
      .executeTakeFirstOrThrow()

    await expect(
      db.deleteFrom('addresses').where('id', '=', first.id).execute(),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'addresses_one_default_required',
    })
    expect(await defaults(user.id)).toEqual(['1 First St'])

    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('addresses').where('id', '=', first.id).execute()
      await trx
        .updateTable('addresses')
        .set({ is_default: true })
        .where('id', '=', second.id)
        .execute()
    })
    expect(await defaults(user.id)).toEqual(['2 Second St'])

    await db.deleteFrom('addresses').where('id', '=', second.id).execute()
    expect(await defaults(user.id)).toEqual([])
  })
})
