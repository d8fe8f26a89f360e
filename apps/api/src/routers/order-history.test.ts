import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf, signIn } from '../testing/api-client'
import { insertPaidOrder } from '../testing/orders'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('orders.list and orders.get (order history and tracking)', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  async function shopper() {
    const user = await createTestUser(api.deps.db)
    const { client } = await signIn(api.url, user.email, user.password)
    return { user, client }
  }

  it('shows an order as bought, with payment, parcels and a timeline in time order', async () => {
    const acme = await createTestSeller(api.deps.db)
    const north = await createTestSeller(api.deps.db)
    const { user, client } = await shopper()
    const paidAt = new Date(Date.now() - 2 * 3_600_000)
    const { order, fulfillmentOf } = await insertPaidOrder(
      api.deps.db,
      user.id,
      [
        {
          sellerId: acme.seller.id,
          productName: 'Espresso Cup',
          sku: 'CUP-1',
          unitPriceMinor: 800,
          quantity: 2,
          taxMinor: 160,
          discountMinor: 100,
        },
        {
          sellerId: north.seller.id,
          productName: 'Grinder',
          sku: 'GRD-1',
          unitPriceMinor: 12_000,
          quantity: 1,
          taxMinor: 2400,
        },
      ],
      {
        paidAt,
        shippingMinor: 500,
        address: {
          fullName: 'Grace Hopper',
          line1: '1 Navy Yard',
          city: 'Arlington',
          postalCode: '22202',
          country: 'US',
        },
      },
    )
    const acmeClient = (await signIn(api.url, acme.user.email, acme.user.password)).client
    const northClient = (await signIn(api.url, north.user.email, north.user.password)).client
    const { shipmentId } = await acmeClient.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(acme.seller.id),
      carrier: 'UPS',
      trackingNumber: `1Z${randomUUID().slice(0, 8)}`,
    })
    // Carrier times come after the parcel left (a few ms apart, so no two facts share an instant).
    await pause()
    const inTransitAt = new Date().toISOString()
    await acmeClient.seller.addTrackingEvent.mutate({
      shipmentId,
      status: 'in_transit',
      location: 'Louisville, KY',
      occurredAt: inTransitAt,
    })

    const detail = await client.orders.get.query({ orderId: order.id })
    expect(detail).toMatchObject({
      id: order.id,
      number: order.number,
      status: 'fulfilling',
      paidAt: paidAt.toISOString(),
      cancelledAt: null,
      totals: {
        subtotal: { amount: 13_600, currency: 'USD' },
        discount: { amount: 100, currency: 'USD' },
        tax: { amount: 2560, currency: 'USD' },
        shipping: { amount: 500, currency: 'USD' },
        total: { amount: 16_560, currency: 'USD' },
      },
      shippingAddress: {
        fullName: 'Grace Hopper',
        line1: '1 Navy Yard',
        line2: null,
        city: 'Arlington',
        postalCode: '22202',
        country: 'US',
      },
      payment: {
        status: 'captured',
        amount: { amount: 16_560, currency: 'USD' },
        captured: { amount: 16_560, currency: 'USD' },
        refunded: { amount: 0, currency: 'USD' },
      },
    })
    expect(
      detail.items.map((i) => [
        i.productName,
        i.sku,
        i.unitPrice.amount,
        i.quantity,
        i.lineTotal.amount,
        i.storeName,
      ]),
    ).toEqual([
      ['Espresso Cup', 'CUP-1', 800, 2, 1660, acme.seller.store_name],
      ['Grinder', 'GRD-1', 12_000, 1, 14_400, north.seller.store_name],
    ])
    expect(detail.fulfillments.map((f) => [f.storeName, f.status, f.shipments.length])).toEqual(
      expect.arrayContaining([
        [acme.seller.store_name, 'shipped', 1],
        [north.seller.store_name, 'pending', 0],
      ]),
    )

    const { shipmentId: northShipment } = await northClient.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(north.seller.id),
      carrier: 'DHL',
      trackingNumber: `JD${randomUUID().slice(0, 8)}`,
    })
    await pause()
    await acmeClient.seller.addTrackingEvent.mutate({
      shipmentId,
      status: 'delivered',
      occurredAt: new Date().toISOString(),
    })
    await pause()
    await northClient.seller.addTrackingEvent.mutate({
      shipmentId: northShipment,
      status: 'delivered',
      location: 'Arlington, VA',
      occurredAt: new Date().toISOString(),
    })

    const done = await client.orders.get.query({ orderId: order.id })
    expect(done.status).toBe('delivered')
    expect(done.timeline.map((e) => e.title)).toEqual([
      'Order placed',
      'Payment received',
      `Shipped by ${acme.seller.store_name} with UPS`,
      'Preparing your order',
      'In transit',
      `Shipped by ${north.seller.store_name} with DHL`,
      'Order shipped',
      'Delivered',
      'Delivered',
      'Order delivered',
    ])
    const times = done.timeline.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((x, y) => x - y))
    expect(done.timeline[4]).toMatchObject({
      kind: 'tracking',
      status: 'in_transit',
      location: 'Louisville, KY',
      carrier: 'UPS',
      at: inTransitAt,
    })
    expect(done.timeline[9]).toMatchObject({
      kind: 'status',
      from: 'shipped',
      to: 'delivered',
      note: 'Delivered in Arlington, VA',
    })
  })

  it('lists only the caller’s orders, newest first, with no duplicates or gaps while orders arrive', async () => {
    const { user, client } = await shopper()
    const seller = await createTestSeller(api.deps.db)
    const place = async (name: string) =>
      (
        await insertPaidOrder(api.deps.db, user.id, [
          { sellerId: seller.seller.id, productName: name, unitPriceMinor: 1000, quantity: 2 },
          {
            sellerId: seller.seller.id,
            productName: `${name} case`,
            unitPriceMinor: 500,
            quantity: 1,
          },
        ])
      ).order
    const placed = []
    for (let i = 0; i < 5; i++) placed.push(await place(`Phone ${i}`))

    const first = await client.orders.list.query({ limit: 2 })
    expect(first.items[0]).toEqual({
      id: placed[4]?.id,
      number: placed[4]?.number,
      status: 'paid',
      placedAt: placed[4]?.placed_at.toISOString(),
      total: { amount: 2500, currency: 'USD' },
      itemCount: 3,
      previewNames: ['Phone 4', 'Phone 4 case'],
    })
    const seen = first.items.map((o) => o.id)
    let cursor = first.nextCursor ?? undefined
    while (cursor) {
      await place('Late arrival')
      const page = await client.orders.list.query({ limit: 2, cursor })
      seen.push(...page.items.map((o) => o.id))
      cursor = page.nextCursor ?? undefined
    }
    expect(seen).toEqual(placed.map((o) => o.id).reverse())

    const fresh = await client.orders.list.query({ limit: 50 })
    expect(fresh.items).toHaveLength(5 + 2)
    expect(fresh.items[0]?.previewNames).toEqual(['Late arrival', 'Late arrival case'])
    expect((await client.orders.list.query({ status: 'cancelled' })).items).toEqual([])
  })

  it('hides other people’s orders: NOT_FOUND for another customer, UNAUTHORIZED signed out', async () => {
    const owner = await shopper()
    const other = await shopper()
    const seller = await createTestSeller(api.deps.db)
    const { order } = await insertPaidOrder(api.deps.db, owner.user.id, [
      { sellerId: seller.seller.id, productName: 'Diary', unitPriceMinor: 1500, quantity: 1 },
    ])
    const stolen = await errorOf(other.client.orders.get.query({ orderId: order.id }))
    expect(stolen?.data?.code).toBe('NOT_FOUND')
    expect(stolen?.message).toBe('No such order.')
    const missing = await errorOf(other.client.orders.get.query({ orderId: randomUUID() }))
    expect(missing?.message).toBe('No such order.')
    expect((await other.client.orders.list.query({})).items).toEqual([])
    const anonymous = await errorOf(createTestClient(api.url).client.orders.list.query({}))
    expect(anonymous?.data?.code).toBe('UNAUTHORIZED')
  })
})
