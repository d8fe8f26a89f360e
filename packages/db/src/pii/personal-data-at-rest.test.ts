import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAddress, findAddress, listAddresses } from '../accounts/addresses'
import type { Db } from '../client'
import { findCustomerOrder } from '../order-history/customer-order-detail'
import { createPendingOrder } from '../orders/create-order'
import { createTestDb, insertTestUser, randomPiiKey, testPiiKeyRing } from '../testing'
import { parsePiiKeyRing, PiiDecryptionError } from './envelope-cipher'

const pii = testPiiKeyRing('k1')
const snapshot = {
  fullName: 'Katherine Johnson',
  line1: '21 Langley Blvd',
  line2: null,
  city: 'Hampton',
  region: 'VA',
  postalCode: '23681',
  country: 'US',
  phone: '+1 757 555 0142',
}
const PERSONAL = ['Katherine', 'Johnson', 'Langley', 'Hampton', '23681', '555 0142']

describe('personal data at rest', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => db?.destroy())

  const raw = async (table: 'addresses' | 'orders', id: string) =>
    (
      await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table)} where id = ${id}`.execute(db)
    ).rows[0]

  const addressOf = (userId: string) => createAddress(db, pii, userId, snapshot, true)

  it('seals an address: the row holds no name, street, city, postal code or phone, and reads back whole', async () => {
    const user = await insertTestUser(db)
    const created = await addressOf(user.id)
    expect(created).toMatchObject({ full_name: 'Katherine Johnson', phone: '+1 757 555 0142' })
    const row = await raw('addresses', created.id)
    for (const fragment of PERSONAL) expect(JSON.stringify(row)).not.toContain(fragment)
    expect(row).toMatchObject({ country: 'US', region: 'VA', line2: null, pii_key_id: 'k1' })
    expect(await findAddress(db, pii, user.id, created.id)).toEqual(created)
    expect(await listAddresses(db, pii, user.id)).toEqual([created])
  })

  it("seals an order's shipping snapshot, keeping only country and region readable", async () => {
    const user = await insertTestUser(db)
    const result = await createPendingOrder(db, pii, {
      userId: user.id,
      cartId: null,
      idempotencyKey: `key-${randomUUID()}`,
      checkoutWorkflowId: `checkout:${randomUUID()}`,
      currency: 'USD',
      subtotalMinor: 1_000,
      discountMinor: 0,
      taxMinor: 0,
      shippingMinor: 0,
      totalMinor: 1_000,
      exchangeRate: null,
      shippingAddress: snapshot,
      lines: [],
      coupons: [],
    })
    if (!result.ok) throw new Error(result.message)
    const row = await raw('orders', result.orderId)
    for (const fragment of PERSONAL) expect(JSON.stringify(row)).not.toContain(fragment)
    expect(row).toMatchObject({
      shipping_address: { country: 'US', region: 'VA' },
      pii_key_id: 'k1',
    })
    const detail = await findCustomerOrder(db, pii, user.id, result.orderId)
    expect(detail?.order.shipping_address).toEqual(snapshot)
  })

  it('refuses to read with a wrong or missing key, naming the row and key, instead of returning garbage', async () => {
    const user = await insertTestUser(db)
    const created = await addressOf(user.id)
    const impostor = parsePiiKeyRing(randomPiiKey('k1'), 'k1') // same id, other key
    await expect(listAddresses(db, impostor, user.id)).rejects.toThrow(PiiDecryptionError)
    await expect(listAddresses(db, impostor, user.id)).rejects.toThrow(
      `Cannot read full_name of address ${created.id} (sealed with PII key "k1"): PII key "k1" does not open this value`,
    )
    const without = testPiiKeyRing('k2')
    await expect(findAddress(db, without, user.id, created.id)).rejects.toThrow(
      `Cannot read full_name of address ${created.id} (sealed with PII key "k1"): No key "k1" to open this value`,
    )
  })

  it('a sealed value moved to another row does not open', async () => {
    const user = await insertTestUser(db)
    const a = await addressOf(user.id)
    const b = await createAddress(db, pii, user.id, { ...snapshot, line1: '1 Other St' }, false)
    const sealedLine1 = (await raw('addresses', a.id))?.line1 as string
    await db.updateTable('addresses').set({ line1: sealedLine1 }).where('id', '=', b.id).execute()
    await expect(findAddress(db, pii, user.id, b.id)).rejects.toThrow(
      `Cannot read line1 of address ${b.id}`,
    )
  })
})
