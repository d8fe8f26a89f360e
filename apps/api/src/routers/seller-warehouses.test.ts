import { randomUUID } from 'node:crypto'
import { insertTestWarehouse } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { signIn } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'

describe('seller.listWarehouses', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('lists a new warehouse with its code, name, region and country, newest first', async () => {
    const { user } = await createTestSeller(api.deps.db)
    const warehouseId = await insertTestWarehouse(api.deps.db, 'US')
    const { client } = await signIn(api.url, user.email, user.password)
    const { items } = await client.seller.listWarehouses.query()
    const mine = items.find((w) => w.id === warehouseId)
    expect(mine).toEqual({
      id: warehouseId,
      code: expect.stringMatching(/^WH-/) as string,
      name: `Warehouse ${mine?.code}`,
      region: 'US',
      country: 'US',
    })
    const newer = await insertTestWarehouse(api.deps.db, 'EU')
    const again = await client.seller.listWarehouses.query()
    expect(again.items.findIndex((w) => w.id === newer)).toBeLessThan(
      again.items.findIndex((w) => w.id === warehouseId),
    )
  })
})
