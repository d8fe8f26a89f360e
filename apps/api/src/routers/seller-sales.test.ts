import { randomUUID } from 'node:crypto'
import type { OrderStatus } from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf, signIn } from '../testing/api-client'
import { insertPaidOrder, type TestLine } from '../testing/orders'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

const zero = (day: string) => ({ day, revenueMinor: 0, orders: 0, units: 0 })

describe('seller.getSalesStats', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('adds up paid-or-later sales per day and product, leaving out cancelled, refunded and unpaid', async () => {
    const shop = await createTestSeller(api.deps.db)
    const rival = await createTestSeller(api.deps.db)
    const customer = await createTestUser(api.deps.db)
    const tag = randomUUID().slice(0, 8)
    const kettle = (over: Partial<TestLine> = {}): TestLine => ({
      sellerId: shop.seller.id,
      productName: 'Kettle',
      sku: `KET-${tag}`,
      unitPriceMinor: 4500,
      quantity: 1,
      ...over,
    })
    const mug = (over: Partial<TestLine> = {}): TestLine => ({
      sellerId: shop.seller.id,
      productName: 'Mug',
      sku: `MUG-${tag}`,
      unitPriceMinor: 1200,
      quantity: 1,
      ...over,
    })
    const order = (
      lines: TestLine[],
      paidAt: string,
      status: OrderStatus = 'paid',
      currency = 'USD',
    ) =>
      insertPaidOrder(api.deps.db, customer.id, lines, {
        paidAt: new Date(paidAt),
        status,
        currency,
      })

    // Counted: tax is not revenue; the other store's line is theirs.
    await order(
      [
        kettle({ taxMinor: 450 }),
        { sellerId: rival.seller.id, productName: 'Teapot', unitPriceMinor: 9900, quantity: 2 },
        mug({ quantity: 3, discountMinor: 600 }),
      ],
      '2026-03-01T10:00:00Z',
    )
    await order([mug({ quantity: 2 })], '2026-03-01T15:00:00Z', 'delivered')
    // One kettle of three refunded by item (net 13,200 × 2/3); a mug refunded in full earns nothing.
    await order(
      [
        kettle({ productName: 'Kettle Pro', quantity: 3, refundedQuantity: 1, discountMinor: 300 }),
        mug({ refundedQuantity: 1 }),
      ],
      '2026-03-03T09:00:00Z',
      'partially_refunded',
    )
    await order([kettle()], '2026-03-03T10:00:00Z', 'cancelled')
    await order([mug()], '2026-03-03T11:00:00Z', 'refunded')
    await order([kettle()], '2026-03-03T12:00:00Z', 'pending')
    await order(
      [{ sellerId: shop.seller.id, productName: 'Lamp', unitPriceMinor: 3000, quantity: 1 }],
      '2026-03-04T23:30:00Z',
      'shipped',
    )
    await order([mug({ unitPriceMinor: 1100 })], '2026-03-02T12:00:00Z', 'paid', 'EUR')
    // Before the range in UTC, but already 1 March in Berlin.
    await order([kettle()], '2026-02-28T23:30:00Z', 'fulfilling')

    const { client } = await signIn(api.url, shop.user.email, shop.user.password)
    const stats = await client.seller.getSalesStats.query({
      from: '2026-03-01',
      to: '2026-03-05',
      topLimit: 2,
    })
    expect(stats.storeCurrency).toBe('USD')
    expect(stats.series.map((s) => s.currency)).toEqual(['USD', 'EUR'])
    const [usd, eur] = stats.series
    expect(usd?.days).toEqual([
      { day: '2026-03-01', revenueMinor: 4500 + 3000 + 2400, orders: 2, units: 6 },
      zero('2026-03-02'),
      { day: '2026-03-03', revenueMinor: 8800, orders: 1, units: 2 },
      { day: '2026-03-04', revenueMinor: 3000, orders: 1, units: 1 },
      zero('2026-03-05'),
    ])
    expect(usd?.totals).toEqual({ revenueMinor: 21_700, orders: 4, units: 9 })
    expect(usd?.topByRevenue).toEqual([
      { productId: null, productName: 'Kettle Pro', revenueMinor: 13_300, units: 3 },
      { productId: null, productName: 'Mug', revenueMinor: 5400, units: 5 },
    ])
    expect(usd?.topByUnits.map((p) => [p.productName, p.units])).toEqual([
      ['Mug', 5],
      ['Kettle Pro', 3],
    ])
    expect(eur?.days[1]).toEqual({ day: '2026-03-02', revenueMinor: 1100, orders: 1, units: 1 })
    expect(eur?.totals).toEqual({ revenueMinor: 1100, orders: 1, units: 1 })

    const berlin = await client.seller.getSalesStats.query({
      from: '2026-03-01',
      to: '2026-03-05',
      timeZone: 'Europe/Berlin',
    })
    expect(berlin.series[0]?.days).toEqual([
      { day: '2026-03-01', revenueMinor: 4500 + 9900, orders: 3, units: 7 },
      zero('2026-03-02'),
      { day: '2026-03-03', revenueMinor: 8800, orders: 1, units: 2 },
      zero('2026-03-04'),
      { day: '2026-03-05', revenueMinor: 3000, orders: 1, units: 1 },
    ])
    expect(berlin.series[0]?.topByRevenue.map((p) => p.productName)).toEqual([
      'Kettle Pro',
      'Mug',
      'Lamp',
    ])

    const rivalClient = (await signIn(api.url, rival.user.email, rival.user.password)).client
    const rivalStats = await rivalClient.seller.getSalesStats.query({
      from: '2026-03-01',
      to: '2026-03-02',
    })
    expect(rivalStats.series).toEqual([
      {
        currency: 'USD',
        totals: { revenueMinor: 19_800, orders: 1, units: 2 },
        days: [
          { day: '2026-03-01', revenueMinor: 19_800, orders: 1, units: 2 },
          zero('2026-03-02'),
        ],
        topByRevenue: [{ productId: null, productName: 'Teapot', revenueMinor: 19_800, units: 2 }],
        topByUnits: [{ productId: null, productName: 'Teapot', revenueMinor: 19_800, units: 2 }],
      },
    ])
  })

  it('gives a store without sales a zero-filled series and refuses a backwards range', async () => {
    const shop = await createTestSeller(api.deps.db)
    const { client } = await signIn(api.url, shop.user.email, shop.user.password)
    const stats = await client.seller.getSalesStats.query({ from: '2026-02-27', to: '2026-03-01' })
    expect(stats.series).toEqual([
      {
        currency: 'USD',
        totals: { revenueMinor: 0, orders: 0, units: 0 },
        days: ['2026-02-27', '2026-02-28', '2026-03-01'].map(zero),
        topByRevenue: [],
        topByUnits: [],
      },
    ])
    const backwards = await errorOf(
      client.seller.getSalesStats.query({ from: '2026-03-02', to: '2026-03-01' }),
    )
    expect(backwards?.data?.code).toBe('BAD_REQUEST')
    expect(backwards?.data?.fieldErrors).toEqual({ to: ['To must not be before from'] })
  })
})
