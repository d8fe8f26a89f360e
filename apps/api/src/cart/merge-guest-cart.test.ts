import { randomUUID } from 'node:crypto'
import { findCartSnapshot } from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestUser } from '../testing/users'
import { cartKey, userCartKey } from '@emporium/cart'

describe('guest cart merged into the user cart at sign-in', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('sums quantities capped by stock, keeps other lines, and deletes the guest cart', async () => {
    const x = await insertCartVariant(api.deps.db, { prices: { USD: 1000 }, stock: [3, 2] })
    const y = await insertCartVariant(api.deps.db, { prices: { USD: 250 }, stock: [9] })
    const z = await insertCartVariant(api.deps.db, { prices: { USD: 400 }, stock: [9] })
    const user = await createTestUser(api.deps.db)

    const device = createTestClient(api.url)
    await device.client.auth.login.mutate({ email: user.email, password: user.password })
    await device.client.cart.addLine.mutate({ variantId: x.variantId, quantity: 2 })
    await device.client.cart.addLine.mutate({ variantId: z.variantId, quantity: 1 })
    const userCartId = (await device.client.cart.get.query()).id

    const guest = createTestClient(api.url)
    await guest.client.cart.addLine.mutate({ variantId: x.variantId, quantity: 4 })
    await guest.client.cart.addLine.mutate({ variantId: y.variantId, quantity: 3 })
    const guestCartId = guest.jar.get('emp_cart') ?? ''
    expect(guestCartId).not.toBe('')

    await guest.client.auth.login.mutate({ email: user.email, password: user.password })
    expect(guest.jar.has('emp_cart')).toBe(false)
    expect(await api.deps.redis.exists(cartKey(guestCartId))).toBe(0)

    const merged = await guest.client.cart.get.query()
    expect(merged.id).toBe(userCartId)
    const quantities = Object.fromEntries(merged.lines.map((l) => [l.variantId, l.quantity]))
    // x: 2 + 4 = 6, capped at the 5 in stock; y comes over; z stays.
    expect(quantities).toEqual({ [x.variantId]: 5, [y.variantId]: 3, [z.variantId]: 1 })
    expect(merged.totals.subtotal).toEqual({ amount: 5000 + 750 + 400, currency: 'USD' })
    expect((await device.client.cart.get.query()).lines).toEqual(merged.lines)

    const snapshot = await findCartSnapshot(api.deps.db, userCartId ?? '')
    expect(snapshot?.user_id).toBe(user.id)
    expect((snapshot?.snapshot as { lines: unknown[] }).lines).toHaveLength(3)
    const guestSnapshot = await findCartSnapshot(api.deps.db, guestCartId)
    expect(guestSnapshot?.snapshot).toMatchObject({ mergedInto: userCartId })
  })

  it('hands the guest cart to a user who has none, keeping its id and prices', async () => {
    const x = await insertCartVariant(api.deps.db, { prices: { USD: 1999 } })
    const user = await createTestUser(api.deps.db)
    const guest = createTestClient(api.url)
    const before = await guest.client.cart.addLine.mutate({ variantId: x.variantId, quantity: 2 })

    await guest.client.auth.login.mutate({ email: user.email, password: user.password })
    const after = await guest.client.cart.get.query()
    expect(after.id).toBe(before.id)
    expect(after.lines).toEqual(before.lines)
    expect(await api.deps.redis.get(userCartKey(user.id))).toBe(before.id)
    // A user's cart idles for 30 days.
    expect(await api.deps.redis.ttl(cartKey(before.id ?? ''))).toBeGreaterThan(29 * 24 * 3600)
    expect((await findCartSnapshot(api.deps.db, before.id ?? ''))?.user_id).toBe(user.id)
  })

  it('does not give a guest access to a user cart through a forged cookie', async () => {
    const x = await insertCartVariant(api.deps.db, { prices: { USD: 300 } })
    const user = await createTestUser(api.deps.db)
    const owner = createTestClient(api.url)
    await owner.client.auth.login.mutate({ email: user.email, password: user.password })
    const own = await owner.client.cart.addLine.mutate({ variantId: x.variantId, quantity: 1 })

    const intruder = createTestClient(api.url)
    intruder.setCookie('emp_cart', own.id ?? '')
    expect((await intruder.client.cart.get.query()).id).toBeNull()
    await intruder.client.cart.addLine.mutate({ variantId: x.variantId, quantity: 1 })
    expect((await owner.client.cart.get.query()).lines.map((l) => l.quantity)).toEqual([1])
  })
})
