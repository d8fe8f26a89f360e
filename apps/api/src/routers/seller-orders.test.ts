import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf, signIn, type TestClient } from '../testing/api-client'
import { insertPaidOrder } from '../testing/orders'
import { outboxEventsOf } from '../testing/outbox'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

describe('seller orders: split, ship, track', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  async function sellerClient() {
    const { user, seller } = await createTestSeller(api.deps.db)
    const { client } = await signIn(api.url, user.email, user.password)
    return { seller, client }
  }

  const orderStatus = async (orderId: string) =>
    (
      await api.deps.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow()
    ).status

  const historyOf = async (orderId: string) =>
    (
      await api.deps.db
        .selectFrom('order_status_history')
        .select(['from_status', 'to_status', 'actor'])
        .where('order_id', '=', orderId)
        .orderBy('id')
        .execute()
    ).map((h) => `${h.from_status ?? ''}→${h.to_status}`)

  async function twoSellerOrder() {
    const a = await sellerClient()
    const b = await sellerClient()
    const customer = await createTestUser(api.deps.db)
    const placed = await insertPaidOrder(
      api.deps.db,
      customer.id,
      [
        {
          sellerId: a.seller.id,
          productName: 'Kettle',
          sku: `KET-${randomUUID()}`,
          unitPriceMinor: 4500,
          quantity: 1,
          taxMinor: 450,
        },
        {
          sellerId: b.seller.id,
          productName: 'Secret Teapot',
          sku: `TEA-${randomUUID()}`,
          unitPriceMinor: 9900,
          quantity: 2,
        },
        {
          sellerId: a.seller.id,
          productName: 'Mug',
          sku: `MUG-${randomUUID()}`,
          unitPriceMinor: 1200,
          quantity: 3,
          discountMinor: 600,
        },
      ],
      {
        address: {
          fullName: 'Ada Lovelace',
          line1: '12 Analytical Way',
          city: 'London',
          postalCode: 'N1 9GU',
          country: 'GB',
        },
      },
    )
    return { a, b, customer, ...placed }
  }

  it('splits an order with two sellers: each sees only their own lines, prices and parcel', async () => {
    const { a, b, order, fulfillmentOf } = await twoSellerOrder()
    const fa = fulfillmentOf(a.seller.id)
    const fb = fulfillmentOf(b.seller.id)

    const listA = await a.client.seller.listOrders.query({})
    const mine = listA.items.find((f) => f.orderId === order.id)
    expect(mine).toMatchObject({
      fulfillmentId: fa,
      status: 'pending',
      orderNumber: order.number,
      orderStatus: 'paid',
      shipTo: {
        fullName: 'Ada Lovelace',
        line1: '12 Analytical Way',
        city: 'London',
        country: 'GB',
      },
      total: { amount: 4500 + 450 + 3600 - 600, currency: 'USD' },
      shipments: [],
    })
    expect(mine?.lines.map((l) => [l.productName, l.quantity, l.lineTotal.amount])).toEqual([
      ['Kettle', 1, 4950],
      ['Mug', 3, 3000],
    ])
    expect(JSON.stringify(listA)).not.toContain('Secret Teapot')
    expect(listA.items.some((f) => f.fulfillmentId === fb)).toBe(false)

    const viewB = await b.client.seller.getOrder.query({ fulfillmentId: fb })
    expect(viewB.lines.map((l) => [l.productName, l.unitPrice.amount, l.quantity])).toEqual([
      ['Secret Teapot', 9900, 2],
    ])
    expect(viewB.total).toEqual({ amount: 19_800, currency: 'USD' })

    const foreign = await errorOf(a.client.seller.getOrder.query({ fulfillmentId: fb }))
    expect(foreign?.data?.code).toBe('NOT_FOUND')
    expect(foreign?.message).toBe('No such order.')
  })

  it('ships per seller: fulfilling after the first parcel, shipped after the last, with history and outbox', async () => {
    const { a, b, customer, order, fulfillmentOf } = await twoSellerOrder()
    const trackingA = `1Z${randomUUID().slice(0, 12).replaceAll('-', '')}`
    const shippedA = await a.client.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(a.seller.id),
      carrier: 'UPS',
      trackingNumber: trackingA,
    })
    expect(shippedA.status).toBe('shipped')
    expect(shippedA.orderStatus).toBe('fulfilling')
    expect(shippedA.shipments).toEqual([
      expect.objectContaining({
        id: shippedA.shipmentId,
        carrier: 'UPS',
        trackingNumber: trackingA,
        deliveredAt: null,
        events: [],
      }),
    ])
    expect(await orderStatus(order.id)).toBe('fulfilling')

    const trackingB = `DHL${randomUUID().slice(0, 8)}`
    const shippedB = await b.client.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(b.seller.id),
      carrier: 'DHL',
      trackingNumber: trackingB,
    })
    expect(shippedB.orderStatus).toBe('shipped')
    expect(await orderStatus(order.id)).toBe('shipped')
    expect(await historyOf(order.id)).toEqual([
      '→pending',
      'pending→paid',
      'paid→fulfilling',
      'fulfilling→shipped',
    ])
    const events = await outboxEventsOf(api.deps.db, 'order', order.id)
    expect(events).toEqual([
      [
        'order.shipped',
        {
          orderId: order.id,
          orderNumber: order.number,
          userId: customer.id,
          fulfillmentId: fulfillmentOf(a.seller.id),
          sellerId: a.seller.id,
          carrier: 'UPS',
          trackingNumber: trackingA,
        },
      ],
      [
        'order.shipped',
        expect.objectContaining({
          sellerId: b.seller.id,
          carrier: 'DHL',
          trackingNumber: trackingB,
        }),
      ],
    ])
  })

  it('packs before shipping: the order shows as being prepared, packing twice is refused', async () => {
    const { a, b, order, fulfillmentOf } = await twoSellerOrder()
    const packed = await a.client.seller.packOrder.mutate({
      fulfillmentId: fulfillmentOf(a.seller.id),
    })
    expect([packed.status, packed.orderStatus]).toEqual(['packed', 'fulfilling'])
    const listed = await a.client.seller.listOrders.query({ status: 'packed' })
    expect(listed.items.map((f) => f.fulfillmentId)).toContain(fulfillmentOf(a.seller.id))
    const twice = await errorOf(
      a.client.seller.packOrder.mutate({ fulfillmentId: fulfillmentOf(a.seller.id) }),
    )
    expect(twice?.data?.code).toBe('CONFLICT')
    expect(twice?.message).toBe('This fulfillment is already packed.')
    const foreign = await errorOf(
      a.client.seller.packOrder.mutate({ fulfillmentId: fulfillmentOf(b.seller.id) }),
    )
    expect(foreign?.data?.code).toBe('NOT_FOUND')

    await b.client.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(b.seller.id),
      carrier: 'DHL',
      trackingNumber: `JD${randomUUID().slice(0, 10)}`,
    })
    expect(await orderStatus(order.id)).toBe('fulfilling')
    const shipped = await a.client.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(a.seller.id),
      carrier: 'UPS',
      trackingNumber: `1Z${randomUUID().slice(0, 10)}`,
    })
    expect([shipped.status, shipped.orderStatus]).toEqual(['shipped', 'shipped'])
    expect(await historyOf(order.id)).toEqual([
      '→pending',
      'pending→paid',
      'paid→fulfilling',
      'fulfilling→shipped',
    ])
  })

  it('ends shipped when both sellers ship at the same moment, each step recorded once', async () => {
    const { a, b, order, fulfillmentOf } = await twoSellerOrder()
    const results = await Promise.all(
      [a, b].map((s) =>
        s.client.seller.shipOrder.mutate({
          fulfillmentId: fulfillmentOf(s.seller.id),
          carrier: 'USPS',
          trackingNumber: `94${randomUUID().slice(0, 18).replaceAll('-', '')}`,
        }),
      ),
    )
    expect(results.map((r) => r.orderStatus).sort()).toEqual(['fulfilling', 'shipped'])
    expect(await orderStatus(order.id)).toBe('shipped')
    expect(await historyOf(order.id)).toEqual([
      '→pending',
      'pending→paid',
      'paid→fulfilling',
      'fulfilling→shipped',
    ])
  })

  it('takes carrier updates; delivered completes each fulfillment, then the order, once', async () => {
    const { a, b, order, fulfillmentOf } = await twoSellerOrder()
    const ship = async (client: TestClient['client'], sellerId: string) =>
      (
        await client.seller.shipOrder.mutate({
          fulfillmentId: fulfillmentOf(sellerId),
          carrier: 'FedEx',
          trackingNumber: `FX${randomUUID().slice(0, 13)}`,
        })
      ).shipmentId
    const sa = await ship(a.client, a.seller.id)
    const sb = await ship(b.client, b.seller.id)
    const t0 = Date.now() - 3_600_000
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString()

    expect(
      await a.client.seller.addTrackingEvent.mutate({
        shipmentId: sa,
        status: 'in_transit',
        location: 'Memphis, TN',
        occurredAt: at(1),
      }),
    ).toEqual({ recorded: true, fulfillmentStatus: 'shipped', orderStatus: 'shipped' })
    expect(
      await a.client.seller.addTrackingEvent.mutate({
        shipmentId: sa,
        status: 'delivered',
        description: 'Left at front door',
        occurredAt: at(20),
      }),
    ).toEqual({ recorded: true, fulfillmentStatus: 'delivered', orderStatus: 'shipped' })
    // The carrier resends the same update: stored once, nothing moves twice.
    expect(
      await a.client.seller.addTrackingEvent.mutate({
        shipmentId: sa,
        status: 'delivered',
        occurredAt: at(20),
      }),
    ).toEqual({ recorded: false, fulfillmentStatus: 'delivered', orderStatus: 'shipped' })

    const foreign = await errorOf(
      a.client.seller.addTrackingEvent.mutate({
        shipmentId: sb,
        status: 'delivered',
        occurredAt: at(25),
      }),
    )
    expect(foreign?.data?.code).toBe('NOT_FOUND')
    expect(foreign?.message).toBe('No such shipment.')

    expect(
      await b.client.seller.addTrackingEvent.mutate({
        shipmentId: sb,
        status: 'delivered',
        location: 'London',
        occurredAt: at(30),
      }),
    ).toEqual({ recorded: true, fulfillmentStatus: 'delivered', orderStatus: 'delivered' })
    expect(await orderStatus(order.id)).toBe('delivered')
    expect((await historyOf(order.id)).at(-1)).toBe('shipped→delivered')

    const view = await a.client.seller.getOrder.query({ fulfillmentId: fulfillmentOf(a.seller.id) })
    expect(view.shipments[0]?.deliveredAt).toBe(at(20))
    expect(view.shipments[0]?.events.map((e) => [e.status, e.location, e.description])).toEqual([
      ['in_transit', 'Memphis, TN', null],
      ['delivered', null, 'Left at front door'],
    ])
    const delivered = (await outboxEventsOf(api.deps.db, 'order', order.id)).filter(
      ([type]) => type === 'order.delivered',
    )
    expect(delivered.map(([, p]) => p)).toEqual([
      {
        orderId: order.id,
        orderNumber: order.number,
        userId: expect.any(String) as string,
        fulfillmentId: fulfillmentOf(a.seller.id),
      },
      {
        orderId: order.id,
        orderNumber: order.number,
        userId: expect.any(String) as string,
        fulfillmentId: fulfillmentOf(b.seller.id),
      },
    ])
  })

  it('refuses to ship unpaid, cancelled or already shipped orders and changes nothing', async () => {
    const a = await sellerClient()
    const customer = await createTestUser(api.deps.db)
    const line = [{ sellerId: a.seller.id, productName: 'Lamp', unitPriceMinor: 3000, quantity: 1 }]
    const ship = (fulfillmentId: string, trackingNumber = `TRK${randomUUID().slice(0, 10)}`) =>
      errorOf(a.client.seller.shipOrder.mutate({ fulfillmentId, carrier: 'UPS', trackingNumber }))
    const shipmentsOf = async (fulfillmentId: string) =>
      (
        await api.deps.db
          .selectFrom('shipments')
          .select('id')
          .where('fulfillment_id', '=', fulfillmentId)
          .execute()
      ).length

    // Unpaid: checkout creates fulfillments only on payment; one made early is still refused.
    const unpaid = await insertPaidOrder(api.deps.db, customer.id, line, { status: 'pending' })
    const early = await api.deps.db
      .insertInto('fulfillments')
      .values({ order_id: unpaid.order.id, seller_id: a.seller.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    const refusedUnpaid = await ship(early.id)
    expect(refusedUnpaid?.data?.code).toBe('CONFLICT')
    expect(refusedUnpaid?.message).toBe(
      'This order has not been paid yet, so it cannot be shipped.',
    )
    expect(await orderStatus(unpaid.order.id)).toBe('pending')
    expect(await shipmentsOf(early.id)).toBe(0)

    const cancelled = await insertPaidOrder(api.deps.db, customer.id, line, { status: 'cancelled' })
    const refusedCancelled = await ship(cancelled.fulfillmentOf(a.seller.id))
    expect(refusedCancelled?.data?.code).toBe('CONFLICT')
    expect(refusedCancelled?.message).toBe('This order was cancelled, so it cannot be shipped.')
    expect(await orderStatus(cancelled.order.id)).toBe('cancelled')
    expect(await shipmentsOf(cancelled.fulfillmentOf(a.seller.id))).toBe(0)
    expect(await outboxEventsOf(api.deps.db, 'order', cancelled.order.id)).toEqual([])

    const paid = await insertPaidOrder(api.deps.db, customer.id, line)
    const fid = paid.fulfillmentOf(a.seller.id)
    const tracking = `TRK${randomUUID().slice(0, 10)}`
    expect(await ship(fid, tracking)).toBeNull()
    const again = await ship(fid)
    expect(again?.data?.code).toBe('CONFLICT')
    expect(again?.message).toBe('This fulfillment is already shipped.')

    const other = await insertPaidOrder(api.deps.db, customer.id, line)
    const taken = await ship(other.fulfillmentOf(a.seller.id), tracking)
    expect(taken?.data?.code).toBe('CONFLICT')
    expect(taken?.message).toBe(
      `Tracking number ${tracking} is already used for another UPS parcel.`,
    )
    expect(await orderStatus(other.order.id)).toBe('paid')
    expect(await historyOf(other.order.id)).toEqual(['→pending', 'pending→paid'])

    const bad = await errorOf(
      a.client.seller.shipOrder.mutate({ fulfillmentId: fid, carrier: ' ', trackingNumber: 'x y' }),
    )
    expect(bad?.data?.code).toBe('BAD_REQUEST')
    expect(bad?.data?.fieldErrors).toMatchObject({
      carrier: ['Carrier is required'],
      trackingNumber: [
        'Tracking number is too short',
        'Tracking number may contain letters, digits and dashes only',
      ],
    })

    const view = await a.client.seller.getOrder.query({ fulfillmentId: fid })
    const future = await errorOf(
      a.client.seller.addTrackingEvent.mutate({
        shipmentId: view.shipments[0]?.id ?? '',
        status: 'in_transit',
        occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    )
    expect(future?.data?.code).toBe('BAD_REQUEST')
    expect(future?.message).toBe('A tracking update cannot be in the future.')
  })

  it('ships and delivers what is left of a partly refunded order, keeping its refund status', async () => {
    const a = await sellerClient()
    const customer = await createTestUser(api.deps.db)
    const { order, fulfillmentOf } = await insertPaidOrder(
      api.deps.db,
      customer.id,
      [
        {
          sellerId: a.seller.id,
          productName: 'Vase',
          unitPriceMinor: 2000,
          quantity: 2,
          refundedQuantity: 1,
        },
      ],
      { status: 'partially_refunded' },
    )
    const {
      shipmentId,
      status,
      orderStatus: afterShip,
    } = await a.client.seller.shipOrder.mutate({
      fulfillmentId: fulfillmentOf(a.seller.id),
      carrier: 'UPS',
      trackingNumber: `1Z${randomUUID().slice(0, 8)}`,
    })
    expect([status, afterShip]).toEqual(['shipped', 'partially_refunded'])
    const delivered = await a.client.seller.addTrackingEvent.mutate({
      shipmentId,
      status: 'delivered',
      occurredAt: new Date().toISOString(),
    })
    expect(delivered).toEqual({
      recorded: true,
      fulfillmentStatus: 'delivered',
      orderStatus: 'partially_refunded',
    })
    expect(await historyOf(order.id)).toEqual(['→pending', 'pending→paid'])
    expect((await outboxEventsOf(api.deps.db, 'order', order.id)).map(([type]) => type)).toEqual([
      'order.shipped',
      'order.delivered',
    ])
  })

  it('pages a seller’s orders newest first without duplicates or gaps while new orders arrive', async () => {
    const a = await sellerClient()
    const customer = await createTestUser(api.deps.db)
    const place = async () =>
      (
        await insertPaidOrder(api.deps.db, customer.id, [
          { sellerId: a.seller.id, productName: 'Chair', unitPriceMinor: 5000, quantity: 1 },
        ])
      ).fulfillmentOf(a.seller.id)
    const existing: string[] = []
    for (let i = 0; i < 5; i++) existing.push(await place())

    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await a.client.seller.listOrders.query({ limit: 2, cursor, status: 'pending' })
      seen.push(...page.items.map((f) => f.fulfillmentId))
      cursor = page.nextCursor ?? undefined
      await place() // arrives between pages; newer than the cursor, so it belongs to page one
    } while (cursor)
    expect(seen).toEqual([...existing].reverse())

    const shipped = await a.client.seller.listOrders.query({ status: 'shipped' })
    expect(shipped.items).toEqual([])
    const badCursor = await errorOf(a.client.seller.listOrders.query({ cursor: 'nope' }))
    expect(badCursor?.data?.code).toBe('BAD_REQUEST')
  })

  it('is for approved sellers only', async () => {
    const customer = await createTestUser(api.deps.db)
    const { client } = await signIn(api.url, customer.email, customer.password)
    const refused = await errorOf(client.seller.listOrders.query({}))
    expect(refused?.data?.code).toBe('FORBIDDEN')
  })
})
