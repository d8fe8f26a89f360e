import { randomUUID } from 'node:crypto'
import { findCartSnapshot, redeemCoupon, type NewCoupon } from '@emporium/db'
import { insertTestOrder } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestUser } from '../testing/users'

const usd = (amount: number) => ({ amount, currency: 'USD' })
const cad = (amount: number) => ({ amount, currency: 'CAD' })

describe('cart totals, coupons and currency (over HTTP)', () => {
  let api: RunningApi
  let region: string

  const insertCoupon = async (values: Partial<NewCoupon>) =>
    api.deps.db
      .insertInto('coupons')
      .values({
        code: `C${randomUUID().slice(0, 8).toUpperCase()}`,
        kind: 'percentage',
        value: 1000,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  const setUsdCad = (rate: string) =>
    api.deps.db
      .updateTable('exchange_rates')
      .set({ rate })
      .where('base', '=', 'USD')
      .where('quote', '=', 'CAD')
      .execute()

  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    // A region of our own (8.25 %), so no other test's tax rate can interfere.
    region = `XQ-${randomUUID().replace(/-/g, '').slice(0, 3).toUpperCase()}`
    await api.deps.db
      .insertInto('tax_rates')
      .values({ region, name: 'Test sales tax', rate_bps: 825 })
      .onConflict((oc) => oc.column('region').doUpdateSet({ rate_bps: 825 }))
      .execute()
  })
  afterAll(async () => {
    await api.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  async function cartOf4499() {
    const db = api.deps.db
    const [a, b, c] = [
      await insertCartVariant(db, { prices: { USD: 1000 } }),
      await insertCartVariant(db, { prices: { USD: 1500 } }),
      await insertCartVariant(db, { prices: { USD: 333 } }),
    ]
    const { client } = createTestClient(api.url)
    await client.cart.addLine.mutate({ variantId: a.variantId, quantity: 2 })
    await client.cart.addLine.mutate({ variantId: b.variantId, quantity: 1 })
    await client.cart.addLine.mutate({ variantId: c.variantId, quantity: 3 })
    await client.cart.setShippingRegion.mutate({ region: region.toLowerCase() })
    return { client, a, b, c }
  }

  it('prices exactly in minor units, spreading an order coupon over the lines to the cent', async () => {
    const { client, a, b, c } = await cartOf4499()
    const fixed = await insertCoupon({
      kind: 'fixed',
      value: 1000,
      currency: 'USD',
      stackable: true,
    })
    const view = await client.cart.applyCoupon.mutate({ code: fixed.code.toLowerCase() })
    expect(view.couponCodes).toEqual([fixed.code])
    const byVariant = Object.fromEntries(view.totals.lines.map((l) => [l.lineId, l]))
    // 1000 over 2000/1500/999: 444.54 + 333.41 + 222.05 → the leftover cent goes to the first.
    expect([a, b, c].map((v) => byVariant[v.variantId]?.orderDiscount.amount)).toEqual([
      445, 333, 222,
    ])
    // Tax 8.25 % per line on 1555 / 1167 / 777, rounded half-even per line.
    expect([a, b, c].map((v) => byVariant[v.variantId]?.tax.amount)).toEqual([128, 96, 64])
    expect(view.totals).toMatchObject({
      subtotal: usd(4499),
      discountTotal: usd(1000),
      discountedSubtotal: usd(3499),
      shipping: usd(499), // under the 50.00 free-shipping threshold
      shippingDiscount: usd(0),
      taxTotal: usd(288),
      grandTotal: usd(4286),
    })
    expect(view.lines.find((l) => l.variantId === a.variantId)?.lineTotal).toEqual(usd(1683))

    const free = await insertCoupon({ kind: 'free_shipping', value: 0, stackable: true })
    const withFree = await client.cart.applyCoupon.mutate({ code: free.code })
    expect(withFree.totals).toMatchObject({ shippingDiscount: usd(499), grandTotal: usd(3787) })
    const removed = await client.cart.removeCoupon.mutate({ code: fixed.code })
    expect(removed.couponCodes).toEqual([free.code])
    expect(removed.totals.grandTotal).toEqual(usd(4499 + 371))
    expect(removed.checkout).toEqual({ ready: true, blockers: [] })
  })

  it('refuses expired, below-minimum and unknown coupons with clear messages, changing nothing', async () => {
    const { client } = await cartOf4499()
    const expired = await insertCoupon({
      starts_at: new Date('2019-01-01T00:00:00Z'),
      ends_at: new Date('2020-01-01T00:00:00Z'),
    })
    const minimum = await insertCoupon({ currency: 'USD', min_spend_minor: 10_000 })
    const before = await client.cart.get.query()

    await expect(client.cart.applyCoupon.mutate({ code: expired.code })).rejects.toMatchObject({
      message: `Coupon ${expired.code} expired on 2020-01-01`,
      data: { code: 'BAD_REQUEST' },
    })
    await expect(client.cart.applyCoupon.mutate({ code: minimum.code })).rejects.toMatchObject({
      message: `Spend $55.01 more to use coupon ${minimum.code} (it needs a $100.00 minimum)`,
      data: { code: 'BAD_REQUEST' },
    })
    await expect(client.cart.applyCoupon.mutate({ code: 'NO-SUCH-CODE' })).rejects.toMatchObject({
      message: 'Coupon NO-SUCH-CODE does not exist.',
      data: { code: 'NOT_FOUND' },
    })
    expect(await client.cart.get.query()).toEqual(before)
  })

  it('refuses a coupon the signed-in customer has used up, but not for another customer', async () => {
    const once = await insertCoupon({ usage_limit_per_customer: 1, stackable: true })
    const [used, fresh] = [await createTestUser(api.deps.db), await createTestUser(api.deps.db)]
    const order = await insertTestOrder(api.deps.db, used.id)
    await api.deps.db
      .transaction()
      .execute((trx) =>
        redeemCoupon(trx, { couponId: once.id, userId: used.id, orderId: order.id }),
      )
    const x = await insertCartVariant(api.deps.db, { prices: { USD: 2000 } })

    const { client } = createTestClient(api.url)
    await client.auth.login.mutate({ email: used.email, password: used.password })
    await client.cart.addLine.mutate({ variantId: x.variantId, quantity: 1 })
    await expect(client.cart.applyCoupon.mutate({ code: once.code })).rejects.toMatchObject({
      message: `You have already used coupon ${once.code}; it can be used once per customer`,
    })
    expect((await client.cart.get.query()).couponCodes).toEqual([])

    const other = createTestClient(api.url)
    await other.client.auth.login.mutate({ email: fresh.email, password: fresh.password })
    await other.client.cart.addLine.mutate({ variantId: x.variantId, quantity: 1 })
    const applied = await other.client.cart.applyCoupon.mutate({ code: once.code })
    expect(applied.totals.discountTotal).toEqual(usd(200))
  })

  it('locks the exchange rate at creation: a later rate change moves new carts only', async () => {
    const x = await insertCartVariant(api.deps.db, { prices: { USD: 1000 } })
    await setUsdCad('1.36')
    try {
      vi.useFakeTimers({ toFake: ['Date'] })
      const start = Date.now()
      const { client } = createTestClient(api.url)
      const created = await client.cart.addLine.mutate({
        variantId: x.variantId,
        quantity: 1,
        currency: 'CAD',
      })
      expect(created.exchangeRate).toMatchObject({
        from: 'USD',
        to: 'CAD',
        rateNumerator: 34,
        rateDenominator: 25,
      })
      expect(created.lines[0]?.unitPrice).toEqual(cad(1360))

      await setUsdCad('1.5')
      vi.setSystemTime(start + 2 * 60 * 60_000) // well past the price lock
      const later = await client.cart.get.query()
      expect(later.priceChanges).toEqual([])
      expect(later.lines[0]?.unitPrice).toEqual(cad(1360))
      expect(later.exchangeRate).toEqual(created.exchangeRate)
      const snapshot = await findCartSnapshot(api.deps.db, created.id ?? '')
      expect(snapshot).toMatchObject({ currency: 'CAD', exchange_rate: '1.3600000000' })

      const other = createTestClient(api.url)
      const newer = await other.client.cart.addLine.mutate({
        variantId: x.variantId,
        quantity: 1,
        currency: 'CAD',
      })
      expect(newer.lines[0]?.unitPrice).toEqual(cad(1500))
    } finally {
      await setUsdCad('1.36')
    }
  })
})
