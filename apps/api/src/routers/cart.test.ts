import { randomUUID } from 'node:crypto'
import { findCartSnapshot } from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { cartKey } from '@emporium/cart'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { insertCartVariant, setVariantPrice } from '../testing/catalog-fixtures'

const MINUTE = 60_000
const usd = (amount: number) => ({ amount, currency: 'USD' })

describe('cart lines (guest, over HTTP)', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('adds, updates and removes lines; the guest keeps the cart through an httpOnly cookie', async () => {
    const a = await insertCartVariant(api.deps.db, { prices: { USD: 1250 }, stock: [3, 2] })
    const { client, jar } = createTestClient(api.url)
    expect((await client.cart.get.query()).id).toBeNull()

    const added = await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 2 })
    const cartId = jar.get('emp_cart')
    expect(added.id).toBe(cartId)
    expect(added.lines).toMatchObject([
      {
        variantId: a.variantId,
        sku: a.sku,
        productName: a.productName,
        quantity: 2,
        unitPrice: usd(1250),
        available: 5,
        status: 'ok',
      },
    ])
    expect(added.totals.subtotal).toEqual(usd(2500))

    const again = await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 3 })
    expect(again.lines.map((l) => l.quantity)).toEqual([5])
    const updated = await client.cart.updateLine.mutate({ variantId: a.variantId, quantity: 1 })
    expect(updated.totals.subtotal).toEqual(usd(1250))

    const snapshot = await findCartSnapshot(api.deps.db, cartId ?? '')
    expect(snapshot).toMatchObject({ user_id: null, currency: 'USD', exchange_rate: null })
    expect(snapshot?.snapshot).toMatchObject({
      lines: [{ variantId: a.variantId, quantity: 1, unitPrice: usd(1250) }],
      totals: { subtotal: usd(1250) },
    })

    const emptied = await client.cart.updateLine.mutate({ variantId: a.variantId, quantity: 0 })
    expect(emptied.lines).toEqual([])
    expect(emptied.checkout).toEqual({
      ready: false,
      blockers: ['Your cart is empty.', 'Choose where to ship your order.'],
    })
    expect((await findCartSnapshot(api.deps.db, cartId ?? ''))?.snapshot).toMatchObject({
      lines: [],
    })
    // The Redis hash has a guest idle TTL (7 days), refreshed on activity.
    const ttl = await api.deps.redis.ttl(cartKey(cartId ?? ''))
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 60)
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600)
    // A cart nearly idle for its whole lifetime gets it back on the next visit.
    await api.deps.redis.expire(cartKey(cartId ?? ''), 60)
    await client.cart.get.query()
    expect(await api.deps.redis.ttl(cartKey(cartId ?? ''))).toBeGreaterThan(7 * 24 * 3600 - 60)
  })

  it('loses no change when one cart is changed from several tabs at once', async () => {
    const a = await insertCartVariant(api.deps.db, { prices: { USD: 100 }, stock: [20] })
    const b = await insertCartVariant(api.deps.db, { prices: { USD: 200 }, stock: [20] })
    const { client } = createTestClient(api.url)
    await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1 })
    await Promise.all([
      ...Array.from({ length: 9 }, () =>
        client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1 }),
      ),
      ...Array.from({ length: 5 }, () =>
        client.cart.addLine.mutate({ variantId: b.variantId, quantity: 2 }),
      ),
    ])
    const view = await client.cart.get.query()
    expect(Object.fromEntries(view.lines.map((l) => [l.variantId, l.quantity]))).toEqual({
      [a.variantId]: 10,
      [b.variantId]: 10,
    })
    expect(view.totals.subtotal).toEqual(usd(3000))
  })

  it('refuses bad quantities, unknown variants and more than the stock, changing nothing', async () => {
    const a = await insertCartVariant(api.deps.db, {
      prices: { USD: 500 },
      stock: [4],
      reserved: 1,
    })
    const { client } = createTestClient(api.url)
    const before = await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1 })

    await expect(
      client.cart.addLine.mutate({ variantId: a.variantId, quantity: -1 }),
    ).rejects.toThrow(/Quantity must be at least 1/)
    await expect(
      client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1_000_000_000 }),
    ).rejects.toThrow(/Quantity must be at most 999/)
    await expect(
      client.cart.updateLine.mutate({ variantId: a.variantId, quantity: -3 }),
    ).rejects.toThrow(/Quantity cannot be negative/)
    await expect(
      client.cart.addLine.mutate({ variantId: randomUUID(), quantity: 1 }),
    ).rejects.toMatchObject({
      message: 'That product is not available.',
      data: { code: 'NOT_FOUND' },
    })
    await expect(
      client.cart.addLine.mutate({ variantId: 'not-a-variant', quantity: 1 }),
    ).rejects.toThrow(/Unknown product variant/)
    // 4 on hand, 1 reserved: 3 can be sold; 1 is in the cart already.
    await expect(
      client.cart.addLine.mutate({ variantId: a.variantId, quantity: 3 }),
    ).rejects.toMatchObject({
      message: `Only 3 of ${a.productName} left in stock.`,
      data: { code: 'CONFLICT' },
    })
    await expect(
      client.cart.updateLine.mutate({ variantId: a.variantId, quantity: 4 }),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT' } })

    expect(await client.cart.get.query()).toEqual(before)
  })

  it('keeps the locked price until the lock runs out, then reports the change until acknowledged', async () => {
    const a = await insertCartVariant(api.deps.db, { prices: { USD: 1000 } })
    const { client } = createTestClient(api.url)
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = new Date()
    await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 2 })
    await client.cart.setShippingRegion.mutate({ region: 'de' })
    await setVariantPrice(api.deps.db, a.variantId, 'USD', 1200)

    vi.setSystemTime(start.getTime() + 29 * MINUTE)
    const locked = await client.cart.get.query()
    expect(locked.priceChanges).toEqual([])
    expect(locked.lines[0]?.unitPrice).toEqual(usd(1000))
    expect(locked.totals.subtotal).toEqual(usd(2000))
    expect(locked.checkout).toEqual({ ready: true, blockers: [] })

    vi.setSystemTime(start.getTime() + 30 * MINUTE + 1)
    const expired = await client.cart.get.query()
    expect(expired.priceChanges).toEqual([
      {
        variantId: a.variantId,
        sku: a.sku,
        status: 'price_changed',
        oldUnitPrice: usd(1000),
        newUnitPrice: usd(1200),
      },
    ])
    expect(expired.lines[0]).toMatchObject({ status: 'price_changed', unitPrice: usd(1200) })
    expect(expired.totals.subtotal).toEqual(usd(2400))
    expect(expired.checkout).toEqual({
      ready: false,
      blockers: [`The price of ${a.productName} has changed; review it before checking out.`],
    })

    const acknowledged = await client.cart.acknowledgePriceChanges.mutate()
    expect(acknowledged.priceChanges).toEqual([])
    expect(acknowledged.lines[0]).toMatchObject({
      unitPrice: usd(1200),
      status: 'ok',
      lockedUntil: new Date(start.getTime() + 60 * MINUTE + 1).toISOString(),
    })
    expect(acknowledged.checkout.ready).toBe(true)
  })

  it('re-adding a line after its lock ran out re-locks it at today’s price', async () => {
    const a = await insertCartVariant(api.deps.db, { prices: { USD: 700 } })
    const { client } = createTestClient(api.url)
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1 })
    await setVariantPrice(api.deps.db, a.variantId, 'USD', 650)
    vi.setSystemTime(start + 45 * MINUTE)
    expect((await client.cart.get.query()).priceChanges).toHaveLength(1)
    const readded = await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1 })
    expect(readded.priceChanges).toEqual([])
    expect(readded.lines[0]).toMatchObject({ quantity: 2, unitPrice: usd(650) })
  })

  it('keeps one currency per cart: switching is allowed only while it is empty', async () => {
    const a = await insertCartVariant(api.deps.db, { prices: { USD: 900, EUR: 850 } })
    const { client } = createTestClient(api.url)
    const eur = await client.cart.setCurrency.mutate({ currency: 'EUR' })
    expect(eur.currency).toBe('EUR')
    expect(eur.exchangeRate).toMatchObject({ from: 'USD', to: 'EUR' })
    await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 1 })
    await expect(client.cart.setCurrency.mutate({ currency: 'GBP' })).rejects.toMatchObject({
      message: 'Your cart is in EUR; empty it to shop in GBP.',
      data: { code: 'CONFLICT' },
    })
    const view = await client.cart.get.query()
    expect(view.currency).toBe('EUR')
    expect(view.lines[0]?.unitPrice).toEqual({ amount: 850, currency: 'EUR' })
  })
})
