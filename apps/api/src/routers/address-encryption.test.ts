import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { createTestUser } from '../testing/users'

const address = {
  fullName: 'Ada Lovelace',
  line1: '12 St James Sq',
  line2: 'Flat 3',
  city: 'London',
  region: 'ENG',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
  phone: '+44 20 7946 0000',
}
const PERSONAL = ['Lovelace', 'St James', 'Flat 3', 'London', 'SW1Y', '7946']

describe('account: the address book is encrypted at rest', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  async function signedIn() {
    const user = await createTestUser(api.deps.db)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    return { user, client: browser.client }
  }

  const rawRow = async (id: string) =>
    (
      await sql<Record<string, unknown>>`select * from addresses where id = ${id}`.execute(
        api.deps.db,
      )
    ).rows[0]

  it('stores name, street, city, postal code and phone sealed, and shows them in plaintext', async () => {
    const { client } = await signedIn()
    const created = await client.account.createAddress.mutate(address)
    expect(created).toMatchObject(address)

    const raw = await rawRow(created.id)
    const stored = JSON.stringify(raw)
    for (const fragment of PERSONAL) expect(stored).not.toContain(fragment)
    expect(raw).toMatchObject({ country: 'GB', region: 'ENG', pii_key_id: api.deps.pii.currentId })
    expect(await client.account.listAddresses.query()).toEqual([
      { ...address, id: created.id, isDefault: true },
    ])

    const moved = { ...address, line1: '1 Analytical Way', phone: null }
    await client.account.updateAddress.mutate({ ...moved, id: created.id })
    const after = await rawRow(created.id)
    expect(JSON.stringify(after)).not.toContain('Analytical')
    expect(after?.phone).toBeNull()
    expect(await client.account.listAddresses.query()).toEqual([
      { ...moved, id: created.id, isDefault: true },
    ])
  })

  it('still shows an address stored before encryption, as it was', async () => {
    const { user, client } = await signedIn()
    const legacy = await api.deps.db
      .insertInto('addresses')
      .values({
        user_id: user.id,
        full_name: 'Grace Hopper',
        line1: '1 Navy Yard',
        line2: null,
        city: 'Arlington',
        region: 'VA',
        postal_code: '22202',
        country: 'US',
        phone: '+1 703 555 0100',
        is_default: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(await client.account.listAddresses.query()).toEqual([
      {
        id: legacy.id,
        fullName: 'Grace Hopper',
        line1: '1 Navy Yard',
        line2: null,
        city: 'Arlington',
        region: 'VA',
        postalCode: '22202',
        country: 'US',
        phone: '+1 703 555 0100',
        isDefault: true,
      },
    ])
  })
})
