import { randomUUID } from 'node:crypto'
import { createTestGateway } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApi } from '../server'
import { createTestClient, errorOf, signIn, type TestClient } from '../testing/api-client'
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { shopperWithCart } from '../testing/shopper'
import { createTestUser } from '../testing/users'

describe('admin fraud review queue, end to end (API → Temporal → worker)', () => {
  const taskQueue = `emporium-test-risk-reviews-${randomUUID()}`
  const config = { ...testConfig(), TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined }
  let stack: ApiWithWorker
  let api: RunningApi
  let admin: TestClient
  let adminId: string

  beforeAll(async () => {
    stack = await startApiWithWorker(config, {
      adaptWorkerDeps: (deps) => ({ ...deps, paymentGateway: createTestGateway(deps.redis) }),
    })
    api = stack.api
    const user = await createTestUser(api.deps.db, 'admin')
    adminId = user.id
    admin = await signIn(api.url, user.email, user.password)
  }, 180_000)
  afterAll(async () => {
    await stack?.close()
  })

  const stockOf = (variantId: string) =>
    api.deps.db
      .selectFrom('inventory_levels')
      .select(['on_hand', 'reserved'])
      .where('variant_id', '=', variantId)
      .executeTakeFirstOrThrow()

  /**
   * A new shopper's first order of 2 × 600.00 USD shipped to New York and billed to London: held
   * for review. Resolves once `orders.progress` shows the hold.
   */
  async function heldOrder() {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 60_000 }, stock: [3] })
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const address = (fields: { city: string; postalCode: string; country: string }) =>
      browser.client.account.createAddress.mutate({
        fullName: 'Ada Lovelace',
        line1: '1 Analytical Way',
        ...fields,
      })
    const shipping = await address({ city: 'New York', postalCode: '10001', country: 'US' })
    const billing = await address({ city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' })
    await browser.client.cart.addLine.mutate({ variantId: variant.variantId, quantity: 2 })
    await browser.client.cart.setShippingRegion.mutate({ region: 'US-NY' })
    const { checkoutId } = await browser.client.orders.place.mutate(
      {
        shippingAddressId: shipping.id,
        billingAddressId: billing.id,
        paymentMethodToken: 'tok_visa',
      },
      { context: { idempotencyKey: randomUUID() } },
    )
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 60_000,
        interval: 200,
      })
      .toBe('held_for_review')
    const progress = await browser.client.orders.progress.query({ checkoutId })
    const { items } = await admin.client.admin.riskReviews.list.query({ status: 'pending' })
    const review = items.find((i) => i.orderId === progress.orderId)
    expect(review).toBeDefined()
    return { variant, browser, checkoutId, progress, review: review! }
  }

  async function finished(browser: TestClient, checkoutId: string) {
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).done, {
        timeout: 60_000,
        interval: 200,
      })
      .toBe(true)
    return browser.client.orders.progress.query({ checkoutId })
  }

  it("an order that was not held shows no review on the shopper's order page", async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 1_000 }, stock: [3] })
    const { browser, addressId } = await shopperWithCart(api, variant.variantId)
    const { checkoutId } = await browser.client.orders.place.mutate(
      { shippingAddressId: addressId, paymentMethodToken: 'tok_visa' },
      { context: { idempotencyKey: randomUUID() } },
    )
    const done = await finished(browser, checkoutId)
    expect(done.stage).toBe('paid')
    const order = await browser.client.orders.get.query({ orderId: done.orderId! })
    expect([order.status, order.review]).toEqual(['paid', null])
  })

  it('only administrators see or decide the queue', async () => {
    const customer = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, customer.email, customer.password)
    const forbidden = await errorOf(browser.client.admin.riskReviews.list.query({}))
    expect(forbidden?.data?.code).toBe('FORBIDDEN')
    const seller = await createTestUser(api.deps.db, 'seller')
    const sellerClient = await signIn(api.url, seller.email, seller.password)
    const sellerTry = await errorOf(
      sellerClient.client.admin.riskReviews.approve.mutate({ reviewId: randomUUID() }),
    )
    expect(sellerTry?.data?.code).toBe('FORBIDDEN')
    const anonymous = createTestClient(api.url)
    const refused = await errorOf(anonymous.client.admin.riskReviews.list.query({}))
    expect(refused?.data?.code).toBe('UNAUTHORIZED')
  })

  it('a held order is listed with its reasons, pending first; approving it lets it be paid, once', async () => {
    const { variant, browser, checkoutId, progress, review } = await heldOrder()
    expect(progress).toMatchObject({ stage: 'held_for_review', paymentAttempts: 0, done: false })
    expect(review).toMatchObject({
      status: 'pending',
      orderNumber: progress.orderNumber,
      decidedBy: null,
    })
    expect(review.score).toBeGreaterThanOrEqual(55)
    expect(review.reasons.map((r) => r.code)).toEqual([
      'first_order_high_value',
      'billing_shipping_mismatch',
    ])
    expect(review.reasons[1]?.message).toBe('Card country GB differs from shipping country US.')
    const all = (await admin.client.admin.riskReviews.list.query({ limit: 100 })).items
    const firstDecided = all.findIndex((i) => i.status !== 'pending')
    expect(
      all.slice(firstDecided === -1 ? all.length : firstDecided).map((i) => i.status),
    ).not.toContain('pending')
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 3, reserved: 2 })
    // The shopper's order page shows the hold (and nothing of the score or its reasons).
    const orderId = progress.orderId!
    const whileHeld = await browser.client.orders.get.query({ orderId })
    expect(whileHeld).toMatchObject({ status: 'pending', payment: null, checkoutId })
    expect(whileHeld.review).toMatchObject({ status: 'held', decidedAt: null })
    expect(Object.keys(whileHeld.review ?? {}).sort()).toEqual(['decidedAt', 'heldAt', 'status'])

    const approved = await admin.client.admin.riskReviews.approve.mutate({
      reviewId: review.id,
      note: 'Spoke to the customer.',
    })
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: adminId,
      decisionNote: 'Spoke to the customer.',
    })
    expect(await finished(browser, checkoutId)).toMatchObject({ stage: 'paid', failure: null })
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 1, reserved: 0 })
    const afterApproval = await browser.client.orders.get.query({ orderId })
    expect([afterApproval.status, afterApproval.checkoutId]).toEqual(['paid', null])
    expect(afterApproval.review).toMatchObject({
      status: 'approved',
      heldAt: whileHeld.review?.heldAt,
    })
    expect(afterApproval.review?.decidedAt).not.toBeNull()

    // Approving again answers the same; rejecting now is a conflict.
    const again = await admin.client.admin.riskReviews.approve.mutate({ reviewId: review.id })
    expect(again).toMatchObject({ status: 'approved', decidedBy: adminId })
    const late = await errorOf(
      admin.client.admin.riskReviews.reject.mutate({ reviewId: review.id }),
    )
    expect([late?.data?.code, late?.message]).toEqual([
      'CONFLICT',
      `The review of order #${progress.orderNumber} is already approved.`,
    ])
  })

  it('rejecting a held order cancels it with its stock released and nothing charged', async () => {
    const { variant, browser, checkoutId, review } = await heldOrder()
    const rejected = await admin.client.admin.riskReviews.reject.mutate({
      reviewId: review.id,
      note: 'Card reported stolen.',
    })
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: adminId })
    const done = await finished(browser, checkoutId)
    expect(done).toMatchObject({
      stage: 'cancelled',
      failure: {
        code: 'fraud_review_rejected',
        message:
          'Your order could not be accepted after a security review and was cancelled; nothing was charged.',
      },
    })
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 3, reserved: 0 })
    const payments = await api.deps.db
      .selectFrom('payments')
      .select('id')
      .where('order_id', '=', review.orderId)
      .execute()
    expect(payments).toEqual([])
    expect((await admin.client.admin.riskReviews.get.query({ reviewId: review.id })).status).toBe(
      'rejected',
    )
    const order = await browser.client.orders.get.query({ orderId: review.orderId })
    expect([order.status, order.review?.status]).toEqual(['cancelled', 'rejected'])
  })

  it("orders.place refuses a billing address outside the shopper's address book", async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 1_000 }, stock: [3] })
    const { browser, addressId } = await shopperWithCart(api, variant.variantId)
    const refused = await errorOf(
      browser.client.orders.place.mutate(
        {
          shippingAddressId: addressId,
          billingAddressId: randomUUID(),
          paymentMethodToken: 'tok_visa',
        },
        { context: { idempotencyKey: randomUUID() } },
      ),
    )
    expect([refused?.data?.code, refused?.message]).toEqual([
      'NOT_FOUND',
      'That billing address is not in your address book.',
    ])
  })

  it('an unknown review and a malformed id are refused with messages', async () => {
    const unknown = await errorOf(
      admin.client.admin.riskReviews.approve.mutate({ reviewId: randomUUID() }),
    )
    expect([unknown?.data?.code, unknown?.message]).toEqual(['NOT_FOUND', 'No such risk review.'])
    const malformed = await errorOf(
      admin.client.admin.riskReviews.reject.mutate({ reviewId: 'nope' }),
    )
    expect(malformed?.data?.code).toBe('BAD_REQUEST')
  })
})
