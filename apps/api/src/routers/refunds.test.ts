import { randomUUID } from 'node:crypto'
import { insertPaidTestOrder, type PaidTestOrder } from '@emporium/db/testing'
import { createTestGateway } from '@emporium/infra'
import {
  AMOUNT_MINOR_ATTRIBUTE,
  CUSTOMER_ID_ATTRIBUTE,
  ORDER_ID_ATTRIBUTE,
  ORDER_STATUS_ATTRIBUTE,
  refundWorkflowId,
  SELLER_IDS_ATTRIBUTE,
} from '@emporium/workflows'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApi } from '../server'
import { errorOf, signIn, type TestClient } from '../testing/api-client'
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

describe('refunds, end to end (API → refundWorkflow → test gateway)', () => {
  const taskQueue = `emporium-test-refunds-${randomUUID()}`
  // No Stripe key: refunds go through the built-in test gateway.
  const config = { ...testConfig(), TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined }
  let stack: ApiWithWorker
  let api: RunningApi
  let admin: TestClient

  beforeAll(async () => {
    stack = await startApiWithWorker(config)
    api = stack.api
    const adminUser = await createTestUser(api.deps.db, 'admin')
    admin = await signIn(api.url, adminUser.email, adminUser.password)
  }, 180_000)
  afterAll(async () => {
    await stack?.close()
  })

  /** A paid order of 10,000 captured at the test gateway, its items sold by a signed-in seller. */
  async function sellersPaidOrder(): Promise<{ order: PaidTestOrder; seller: TestClient }> {
    const payment = await createTestGateway(api.deps.redis).createPayment({
      orderId: randomUUID(),
      amount: { amount: 10_000, currency: 'USD' },
      paymentMethodToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    })
    const order = await insertPaidTestOrder(api.deps.db, { intentId: payment.intentId })
    const { user, seller } = await createTestSeller(api.deps.db)
    await api.deps.db
      .updateTable('order_items')
      .set({ seller_id: seller.id })
      .where('order_id', '=', order.orderId)
      .execute()
    return {
      order: { ...order, sellerId: seller.id },
      seller: await signIn(api.url, user.email, user.password),
    }
  }
  const onHand = (order: PaidTestOrder) =>
    api.deps.db
      .selectFrom('inventory_levels')
      .select('on_hand')
      .where('variant_id', '=', order.variantId)
      .where('warehouse_id', '=', order.warehouseId)
      .executeTakeFirstOrThrow()
      .then((r) => r.on_hand)

  it('a seller refunds by items (restocking), an admin refunds the rest, one more cent is refused', async () => {
    const { order, seller } = await sellersPaidOrder()
    const firstKey = randomUUID()
    const first = await seller.client.refunds.sellerCreateRefund.mutate({
      orderId: order.orderId,
      idempotencyKey: firstKey,
      items: [{ orderItemId: order.itemIds[0], quantity: 2 }],
      restock: true,
      reason: 'Damaged in transit',
    })
    expect(first).toMatchObject({
      status: 'succeeded',
      amount: { amount: 5_000, currency: 'USD' },
      orderStatus: 'partially_refunded',
      restockedUnits: 2,
    })
    expect(await onHand(order)).toBe(12)
    // An operator finds the refund in the Temporal UI by the order's fields, with a summary.
    const facts = await api.deps.db
      .selectFrom('orders')
      .select(['number', 'user_id'])
      .where('id', '=', order.orderId)
      .executeTakeFirstOrThrow()
    const described = await (await api.deps.temporal()).workflow
      .getHandle(refundWorkflowId(`${order.orderId}:${firstKey}`))
      .describe()
    const attributes = described.typedSearchAttributes
    expect(attributes.get(ORDER_ID_ATTRIBUTE)).toBe(order.orderId)
    expect(attributes.get(CUSTOMER_ID_ATTRIBUTE)).toBe(facts.user_id)
    expect(attributes.get(SELLER_IDS_ATTRIBUTE)).toEqual([order.sellerId])
    expect(attributes.get(ORDER_STATUS_ATTRIBUTE)).toBe('partially_refunded')
    expect(attributes.get(AMOUNT_MINOR_ATTRIBUTE)).toBe(5_000)
    expect(await described.staticSummary()).toBe(
      `Refund of order #${String(facts.number)}: 1 line by items, restocking, requested by seller:${order.sellerId}`,
    )

    const rest = await admin.client.refunds.adminCreateRefund.mutate({
      orderId: order.orderId,
      idempotencyKey: randomUUID(),
      amountMinor: 5_000,
    })
    expect(rest).toMatchObject({ status: 'succeeded', orderStatus: 'refunded', restockedUnits: 0 })

    const oneCent = await errorOf(
      admin.client.refunds.adminCreateRefund.mutate({
        orderId: order.orderId,
        idempotencyKey: randomUUID(),
        amountMinor: 1,
      }),
    )
    expect(oneCent?.data?.code).toBe('BAD_REQUEST')
    expect(oneCent?.message).toBe(
      'Nothing is left to refund: the full $100.00 has already been refunded',
    )

    const { items } = await seller.client.refunds.sellerListRefunds.query({
      orderId: order.orderId,
    })
    expect(items.map((r) => [r.amount.amount, r.status, r.restock])).toEqual([
      [5_000, 'succeeded', true],
      [5_000, 'succeeded', false],
    ])
    expect(items[0]?.reason).toBe('Damaged in transit')
    expect(items[0]?.items).toEqual([
      {
        orderItemId: order.itemIds[0],
        sku: expect.any(String) as string,
        quantity: 2,
        amountMinor: 5_000,
      },
    ])
    const status = await api.deps.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', order.orderId)
      .executeTakeFirstOrThrow()
    expect(status.status).toBe('refunded')
  })

  it('the same request twice is one refund', async () => {
    const { order, seller } = await sellersPaidOrder()
    const request = {
      orderId: order.orderId,
      idempotencyKey: randomUUID(),
      amountMinor: 1_500,
    }
    const [a, b] = await Promise.all([
      seller.client.refunds.sellerCreateRefund.mutate(request),
      seller.client.refunds.sellerCreateRefund.mutate(request),
    ])
    expect(a.refundId).toBe(b.refundId)
    const { items } = await admin.client.refunds.adminListRefunds.query({ orderId: order.orderId })
    expect(items).toHaveLength(1)
    expect(items[0]?.amount).toEqual({ amount: 1_500, currency: 'USD' })
  })

  it('another store sees nothing and cannot refund the order', async () => {
    const { order } = await sellersPaidOrder()
    const { seller: stranger } = await sellersPaidOrder()
    const refused = await errorOf(
      stranger.client.refunds.sellerCreateRefund.mutate({
        orderId: order.orderId,
        idempotencyKey: randomUUID(),
        amountMinor: 100,
      }),
    )
    expect(refused?.data?.code).toBe('NOT_FOUND')
    expect(
      await stranger.client.refunds.sellerListRefunds.query({ orderId: order.orderId }),
    ).toEqual({
      items: [],
    })
    const invalid = await errorOf(
      admin.client.refunds.adminCreateRefund.mutate({
        orderId: order.orderId,
        idempotencyKey: randomUUID(),
        amountMinor: 100,
        items: [{ orderItemId: order.itemIds[0], quantity: 1 }],
      }),
    )
    expect(invalid?.data?.code).toBe('BAD_REQUEST')
    expect(invalid?.message).toMatch(/either an amount or the items/)
  })
})
