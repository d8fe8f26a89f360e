import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { createTestUser } from '../testing/users'

const home = {
  fullName: 'Ada Lovelace',
  line1: '12 St James Sq',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'gb',
}
const work = {
  fullName: 'Ada Lovelace',
  line1: '1 Analytical Way',
  city: 'Cambridge',
  postalCode: 'CB2 1TN',
  country: 'GB',
  phone: '+44 20 7946 0000',
}

describe('account: profile and address book', () => {
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

  it('updates the display name', async () => {
    const { user, client } = await signedIn()
    await client.account.updateProfile.mutate({ displayName: '  Ada  ' })
    expect(await client.account.getProfile.query()).toEqual({
      email: user.email,
      displayName: 'Ada',
      emailVerified: true,
    })
  })

  it('makes the first address the default and keeps exactly one default', async () => {
    const { client } = await signedIn()
    const first = await client.account.createAddress.mutate(home)
    expect(first).toMatchObject({ isDefault: true, country: 'GB', line2: null, phone: null })
    const second = await client.account.createAddress.mutate(work)
    expect(second.isDefault).toBe(false)
    await client.account.setDefaultAddress.mutate({ id: second.id })
    const list = await client.account.listAddresses.query()
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ])
  })

  it('promotes another address when the default is deleted', async () => {
    const { client } = await signedIn()
    const first = await client.account.createAddress.mutate(home)
    const second = await client.account.createAddress.mutate(work)
    await client.account.deleteAddress.mutate({ id: first.id })
    expect(await client.account.listAddresses.query()).toEqual([{ ...second, isDefault: true }])
    await client.account.deleteAddress.mutate({ id: second.id })
    expect(await client.account.listAddresses.query()).toEqual([])
  })

  it("never shows or changes another user's address", async () => {
    const alice = await signedIn()
    const mallory = await signedIn()
    const address = await alice.client.account.createAddress.mutate(home)
    expect(await mallory.client.account.listAddresses.query()).toEqual([])
    for (const attempt of [
      () => mallory.client.account.updateAddress.mutate({ ...work, id: address.id }),
      () => mallory.client.account.deleteAddress.mutate({ id: address.id }),
      () => mallory.client.account.setDefaultAddress.mutate({ id: address.id }),
    ]) {
      const error = await errorOf(attempt())
      expect(error?.data?.code).toBe('NOT_FOUND')
    }
    expect(await alice.client.account.listAddresses.query()).toEqual([address])
  })

  it('refuses a bad address with field errors and stores nothing', async () => {
    const { client } = await signedIn()
    const error = await errorOf(
      client.account.createAddress.mutate({ ...home, country: 'Britain', postalCode: '' }),
    )
    expect(error?.data?.code).toBe('BAD_REQUEST')
    expect(Object.keys(error?.data?.fieldErrors ?? {}).sort()).toEqual(['country', 'postalCode'])
    expect(error?.message).toContain('Country must be a two-letter ISO code')
    expect(await client.account.listAddresses.query()).toEqual([])
  })
})
