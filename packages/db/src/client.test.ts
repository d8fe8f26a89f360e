import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from './client'
import { createTestDb, insertTestOrder, insertTestUser, insertTestVariant } from './testing'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.destroy()
})

describe('createDb type parsing', () => {
  it('reads bigint money columns back as the same integer numbers', async () => {
    const user = await insertTestUser(db)
    const largest = Number.MAX_SAFE_INTEGER
    const order = await insertTestOrder(db, user.id, {
      subtotal_minor: largest - 5,
      tax_minor: 5,
      total_minor: largest,
    })
    const read = await db
      .selectFrom('orders')
      .select(['subtotal_minor', 'tax_minor', 'total_minor', 'number'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow()
    expect(read.total_minor).toBe(9_007_199_254_740_991)
    expect(read.subtotal_minor).toBe(9_007_199_254_740_986)
    expect(read.tax_minor).toBe(5)
    expect(typeof read.number).toBe('number')
  })

  it('reads a price in cents exactly', async () => {
    const { variantId } = await insertTestVariant(db)
    await db
      .insertInto('prices')
      .values({ variant_id: variantId, currency: 'USD', amount_minor: 19_999 })
      .execute()
    const price = await db
      .selectFrom('prices')
      .select(['amount_minor', 'currency'])
      .where('variant_id', '=', variantId)
      .executeTakeFirstOrThrow()
    expect(price).toEqual({ amount_minor: 19_999, currency: 'USD' })
  })

  it('refuses an int8 beyond the safe integer range instead of rounding it', async () => {
    await expect(sql`select 9007199254740993::int8 as n`.execute(db)).rejects.toThrow(
      /9007199254740993 is outside JavaScript's safe integer range/,
    )
  })

  it('reads int8 arrays as numbers and numeric as exact text', async () => {
    const { rows } = await sql<{ ids: number[]; rate: string }>`
      select array[1, 2, 9007199254740991]::int8[] as ids, 1.0825000000::numeric(20, 10) as rate`.execute(
      db,
    )
    expect(rows[0]).toEqual({ ids: [1, 2, 9_007_199_254_740_991], rate: '1.0825000000' })
  })

  it('rejects a currency that is not three capital letters', async () => {
    const { variantId } = await insertTestVariant(db)
    await expect(
      db
        .insertInto('prices')
        .values({ variant_id: variantId, currency: 'usd', amount_minor: 100 })
        .execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'currency_code_format' })
  })
})
