import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAddress, listAddresses, updateAddress } from '../accounts/addresses'
import type { Db } from '../client'
import { findCustomerOrder } from '../order-history/customer-order-detail'
import { createPendingOrder } from '../orders/create-order'
import { createTestDb, insertTestOrder, insertTestUser, randomPiiKey } from '../testing'
import { parsePiiKeyRing } from './envelope-cipher'
import { countRowsToReencrypt, reencryptPersonalData } from './reencrypt-personal-data'

const [k1, k2] = [randomPiiKey('k1'), randomPiiKey('k2')]
const old = parsePiiKeyRing(k1, 'k1')
const rotated = parsePiiKeyRing(`${k1},${k2}`, 'k2')
const retired = parsePiiKeyRing(k2, 'k2')

const home = {
  fullName: 'Mary Jackson',
  line1: '7 Wind Tunnel Rd',
  city: 'Hampton',
  postalCode: '23666',
  country: 'US',
  phone: '+1 757 555 0199',
}

/** An address book's contents, without the key each row happens to be under. */
const contents = (book: Awaited<ReturnType<typeof listAddresses>>) =>
  book.map(({ pii_key_id: _key, ...address }) => address)

describe('pii:reencrypt (key rotation and sealing of rows from before encryption)', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => db?.destroy())

  /** A shopper with two addresses and an order under `old`, plus an address and order from before encryption. */
  async function shopperUnderOldKey() {
    const user = await insertTestUser(db)
    await createAddress(db, old, user.id, home, true)
    await createAddress(db, old, user.id, { ...home, line1: '8 Hangar Way', phone: null }, false)
    await db
      .insertInto('addresses')
      .values({
        user_id: user.id,
        full_name: 'Mary Jackson',
        line1: '9 Legacy Ln',
        city: 'Hampton',
        postal_code: '23669',
        country: 'US',
      })
      .execute()
    const order = await createPendingOrder(db, old, {
      userId: user.id,
      cartId: null,
      idempotencyKey: `key-${randomUUID()}`,
      checkoutWorkflowId: `checkout:${randomUUID()}`,
      currency: 'USD',
      subtotalMinor: 500,
      discountMinor: 0,
      taxMinor: 0,
      shippingMinor: 0,
      totalMinor: 500,
      exchangeRate: null,
      shippingAddress: { ...home, region: 'VA' },
      lines: [],
      coupons: [],
    })
    if (!order.ok) throw new Error(order.message)
    const legacyOrder = await insertTestOrder(db, user.id, {
      shipping_address: JSON.stringify({ line1: '9 Legacy Ln', city: 'Hampton', country: 'US' }),
    })
    return { user, orderId: order.orderId, legacyOrderId: legacyOrder.id }
  }

  const keyIds = async (userId: string) => [
    ...(
      await db.selectFrom('addresses').select('pii_key_id').where('user_id', '=', userId).execute()
    ).map((r) => r.pii_key_id),
    ...(
      await db.selectFrom('orders').select('pii_key_id').where('user_id', '=', userId).execute()
    ).map((r) => r.pii_key_id),
  ]

  it('moves every row to the new key and seals old plaintext; all still read after the old key is removed', async () => {
    const { user, orderId, legacyOrderId } = await shopperUnderOldKey()
    const before = contents(await listAddresses(db, old, user.id))
    expect((await keyIds(user.id)).sort()).toEqual(['k1', 'k1', 'k1', null, null])

    const progress: number[] = []
    const scope = { onlyUserIds: [user.id] }
    expect(await countRowsToReencrypt(db, rotated, scope)).toBe(5)
    const result = await reencryptPersonalData(db, rotated, {
      ...scope,
      batchSize: 2,
      onProgress: ({ done, total }) => progress.push(done / total),
    })
    expect(result).toEqual({ addresses: 3, orders: 2, remaining: 0 })
    expect(progress.at(-1)).toBe(1)
    expect(await keyIds(user.id)).toEqual(['k2', 'k2', 'k2', 'k2', 'k2'])

    const legacy = await db
      .selectFrom('orders')
      .select(['shipping_address', 'shipping_address_sealed'])
      .where('id', '=', legacyOrderId)
      .executeTakeFirstOrThrow()
    expect(legacy.shipping_address).toEqual({ country: 'US' })
    expect(legacy.shipping_address_sealed).not.toContain('Legacy')

    // k1 retired: everything still opens with k2 alone, and the old ring no longer does.
    expect(contents(await listAddresses(db, retired, user.id))).toEqual(before)
    expect(
      (await findCustomerOrder(db, retired, user.id, orderId))?.order.shipping_address,
    ).toEqual({ ...home, region: 'VA' })
    expect(
      (await findCustomerOrder(db, retired, user.id, legacyOrderId))?.order.shipping_address,
    ).toEqual({ line1: '9 Legacy Ln', city: 'Hampton', country: 'US' })
    await expect(listAddresses(db, old, user.id)).rejects.toThrow('No key "k2" to open this value')

    // Nothing is left to do on a second run.
    expect(await reencryptPersonalData(db, rotated, scope)).toEqual({
      addresses: 0,
      orders: 0,
      remaining: 0,
    })
  })

  it('resumes after an interruption where it stopped', async () => {
    const { user } = await shopperUnderOldKey()
    const scope = { onlyUserIds: [user.id], batchSize: 1 }
    await expect(
      reencryptPersonalData(db, rotated, {
        ...scope,
        onProgress: ({ done }) => {
          if (done === 2) throw new Error('killed')
        },
      }),
    ).rejects.toThrow('killed')
    expect(await countRowsToReencrypt(db, rotated, scope)).toBe(3)
    expect(await reencryptPersonalData(db, rotated, scope)).toMatchObject({
      addresses: 1,
      orders: 2,
      remaining: 0,
    })
    expect(await listAddresses(db, retired, user.id)).toHaveLength(3)
  })

  it('keeps edits made while it runs', async () => {
    const { user } = await shopperUnderOldKey()
    const ids = (await listAddresses(db, old, user.id)).map((a) => a.id)
    const edits = ids.map((id, i) =>
      updateAddress(db, rotated, user.id, id, { ...home, line1: `${i} Edited St` }),
    )
    await Promise.all([
      reencryptPersonalData(db, rotated, { onlyUserIds: [user.id], batchSize: 1 }),
      ...edits,
    ])
    const lines = (await listAddresses(db, retired, user.id)).map((a) => a.line1).sort()
    expect(lines).toEqual(ids.map((_, i) => `${i} Edited St`).sort())
    expect(await countRowsToReencrypt(db, rotated, { onlyUserIds: [user.id] })).toBe(0)
  })

  it('stops with a clear error when a row is under a key no longer in the ring', async () => {
    const { user } = await shopperUnderOldKey()
    await expect(reencryptPersonalData(db, retired, { onlyUserIds: [user.id] })).rejects.toThrow(
      /Cannot re-encrypt address [0-9a-f-]+ \(sealed with PII key "k1"\): No key "k1" to open this value\. Keep every retired key/,
    )
  })
})
