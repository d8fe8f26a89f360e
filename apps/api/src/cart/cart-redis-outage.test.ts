import { randomUUID } from 'node:crypto'
import {
  startToxiproxy,
  testConfig,
  type FaultProxy,
  type RunningToxiproxy,
} from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf, signIn } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestUser } from '../testing/users'

// The API's Redis (carts, the session cache) reached through Toxiproxy, cut mid-cart.
describe('a Redis outage in the middle of a cart', () => {
  let toxiproxy: RunningToxiproxy
  let redis: FaultProxy
  let api: RunningApi
  beforeAll(async () => {
    const base = testConfig()
    toxiproxy = await startToxiproxy()
    const url = new URL(base.REDIS_URL)
    redis = await toxiproxy.proxy('redis', url.host)
    url.host = `${redis.host}:${redis.port}`
    api = await startApiServer({
      config: { ...base, REDIS_URL: url.toString() },
      port: 0,
      rateLimitNamespace: randomUUID(),
    })
  }, 60_000)
  afterAll(async () => {
    await redis?.enable()
    await api?.close()
    await toxiproxy?.stop()
  })

  it('cart calls fail with a clear error while Redis is down, and nothing is lost once it returns', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const first = await insertCartVariant(api.deps.db, { prices: { USD: 1_500 }, stock: [5] })
    const second = await insertCartVariant(api.deps.db, { prices: { USD: 700 }, stock: [5] })
    await browser.client.cart.addLine.mutate({ variantId: first.variantId, quantity: 2 })

    await redis.disable()
    const failed = await errorOf(
      browser.client.cart.addLine.mutate({ variantId: second.variantId, quantity: 1 }),
    )
    const message =
      'We cannot take requests for a moment; nothing was changed. Please try again in a few seconds.'
    expect([failed?.data?.code, failed?.message]).toEqual(['SERVICE_UNAVAILABLE', message])
    await redis.enable()

    await expect
      .poll(async () => (await browser.client.cart.get.query()).lines.length, { timeout: 15_000 })
      .toBe(1)
    await browser.client.cart.addLine.mutate({ variantId: second.variantId, quantity: 1 })
    const cart = await browser.client.cart.get.query()
    expect(cart.lines.map((l) => [l.variantId, l.quantity]).sort()).toEqual(
      [
        [first.variantId, 2],
        [second.variantId, 1],
      ].sort(),
    )
  }, 60_000)
})
