import { randomUUID } from 'node:crypto'
import { createTestGateway } from '@emporium/infra'
import { ORDER_ID_ATTRIBUTE, ORDER_STATUS_ATTRIBUTE } from '@emporium/workflows'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApi } from '../server'
import { createTestClient, errorOf, signIn, type TestClient } from '../testing/api-client'
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { placeOrder as place, shopperWithCart as shopperOf } from '../testing/shopper'
import { createTestUser } from '../testing/users'

describe('orders.place and checkout progress, end to end (API → Temporal → worker)', () => {
  const taskQueue = `emporium-test-orders-${randomUUID()}`
  // No Stripe key: payments go through the built-in test gateway, as on a machine without Stripe.
  const config = { ...testConfig(), TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined }
  let stack: ApiWithWorker
  let api: RunningApi

  beforeAll(async () => {
    stack = await startApiWithWorker(config, {
      // The built-in test gateway, with a "processing" payment that stays pending for a minute so a
      // slow, loaded machine still cancels it before it would succeed.
      adaptWorkerDeps: (deps) => ({
        ...deps,
        paymentGateway: createTestGateway(deps.redis, { processingMs: 60_000 }),
      }),
    })
    api = stack.api
  }, 180_000)
  afterAll(async () => {
    await stack?.close()
  })

  /** A signed-in shopper with an address in New York and `quantity` of a fresh variant in the cart. */
  const shopperWithCart = (variantId: string, quantity = 1) => shopperOf(api, variantId, quantity)

  async function finished(browser: TestClient, checkoutId: string) {
    let progress = await browser.client.orders.progress.query({ checkoutId })
    await expect
      .poll(
        async () => {
          progress = await browser.client.orders.progress.query({ checkoutId })
          return progress.done
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true)
    return progress
  }

  const stockOf = (variantId: string) =>
    api.deps.db
      .selectFrom('inventory_levels')
      .select(['on_hand', 'reserved'])
      .where('variant_id', '=', variantId)
      .executeTakeFirstOrThrow()

  it('refuses a place without an Idempotency-Key, and an empty cart, with messages a person understands', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const input = { shippingAddressId: randomUUID(), paymentMethodToken: 'tok_visa' }
    const missing = await errorOf(browser.client.orders.place.mutate(input))
    expect([missing?.data?.code, missing?.message]).toEqual([
      'BAD_REQUEST',
      'Placing an order needs an Idempotency-Key header (a random id such as a UUID, reused when retrying the same order).',
    ])
    const malformed = await errorOf(place(browser, input.shippingAddressId, 'tok_visa', 'short'))
    expect(malformed?.data?.code).toBe('BAD_REQUEST')
    const empty = await errorOf(place(browser, input.shippingAddressId, 'tok_visa', randomUUID()))
    expect([empty?.data?.code, empty?.message]).toEqual(['BAD_REQUEST', 'Your cart is empty.'])
    const anonymous = createTestClient(api.url)
    const refused = await errorOf(
      anonymous.client.orders.place.mutate(input, { context: { idempotencyKey: randomUUID() } }),
    )
    expect(refused?.data?.code).toBe('UNAUTHORIZED')
  })

  it('20 concurrent places with one key start one checkout that pays one order once; a retry later returns it', async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 2_500 }, stock: [4] })
    const { user, browser, addressId } = await shopperWithCart(variant.variantId, 2)
    const key = randomUUID()
    const placed = await Promise.all(
      Array.from({ length: 20 }, () => place(browser, addressId, 'tok_visa', key)),
    )
    const ids = new Set(placed.map((p) => p.checkoutId))
    expect(ids.size).toBe(1)
    const checkoutId = placed[0]!.checkoutId
    const progress = await finished(browser, checkoutId)
    expect(progress).toMatchObject({ stage: 'paid', failure: null, done: true })

    const orders = await api.deps.db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'idempotency_key', 'total_minor'])
      .where('user_id', '=', user.id)
      .execute()
    expect(orders).toHaveLength(1)
    expect(orders[0]).toMatchObject({ status: 'paid', idempotency_key: key })
    expect(progress.orderId).toBe(orders[0]!.id)
    const payments = await api.deps.db
      .selectFrom('payments')
      .select(['status', 'captured_minor'])
      .where('order_id', '=', orders[0]!.id)
      .execute()
    expect(payments).toEqual([{ status: 'captured', captured_minor: orders[0]!.total_minor }])
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 2, reserved: 0 })

    // The cart is gone after payment; the same key still names the same checkout and order.
    expect(await place(browser, addressId, 'tok_visa', key)).toEqual({ checkoutId })
    expect((await browser.client.cart.get.query()).lines).toEqual([])
  })

  it("a key whose claim is gone still names its order; another shopper's key is refused", async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 1_500 }, stock: [4] })
    const { user, browser, addressId } = await shopperWithCart(variant.variantId)
    const key = randomUUID()
    const { checkoutId } = await place(browser, addressId, 'tok_visa', key)
    const done = await finished(browser, checkoutId)
    expect(done).toMatchObject({ stage: 'paid' })
    // An operator finds the checkout in the Temporal UI by its order, with a readable summary.
    const described = await (await api.deps.temporal()).workflow.getHandle(checkoutId).describe()
    expect(described.typedSearchAttributes.get(ORDER_ID_ATTRIBUTE)).toBe(done.orderId)
    expect(described.typedSearchAttributes.get(ORDER_STATUS_ATTRIBUTE)).toBe('paid')
    const { total_minor } = await api.deps.db
      .selectFrom('orders')
      .select('total_minor')
      .where('id', '=', done.orderId!)
      .executeTakeFirstOrThrow()
    expect(await described.staticSummary()).toBe(
      `Checkout of cart ${checkoutId.slice('checkout:'.length)}: 1 line, $${(total_minor / 100).toFixed(2)}, customer ${user.id}`,
    )
    // The Redis claim expired (or Redis lost it): the order the key created still answers.
    await api.deps.redis.del(`checkout-idempotency:${user.id}:${key}`)
    expect(await place(browser, addressId, 'tok_visa', key)).toEqual({ checkoutId })

    // Another shopper sending the same key gets a conflict; their cart is left as it was.
    const other = await shopperWithCart(variant.variantId)
    const refused = await errorOf(place(other.browser, other.addressId, 'tok_visa', key))
    expect([refused?.data?.code, refused?.message]).toEqual([
      'CONFLICT',
      'This Idempotency-Key was already used for another order; send a new key to place a new order.',
    ])
    expect((await other.browser.client.cart.get.query()).lines).toHaveLength(1)
    const theirs = await api.deps.db
      .selectFrom('orders')
      .select('id')
      .where('user_id', '=', other.user.id)
      .execute()
    expect(theirs).toEqual([])
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 3, reserved: 0 })
  })

  it('a declined card: the shopper sees why, pays with another card, and the order is charged once', async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 1_000 }, stock: [3] })
    const { user, browser, addressId } = await shopperWithCart(variant.variantId, 3)
    const { checkoutId } = await place(browser, addressId, 'tok_chargeDeclined', randomUUID())
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 20_000,
        interval: 100,
      })
      .toBe('retrying_payment')
    const declined = await browser.client.orders.progress.query({ checkoutId })
    expect(declined.failure?.code).toBe('payment_declined')
    expect(declined.failure?.message).toMatch(/declined/i)
    // The units stay held for this shopper while they pick another card.
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 3, reserved: 3 })

    await browser.client.orders.updatePaymentMethod.mutate({
      checkoutId,
      paymentMethodToken: 'tok_visa',
    })
    const progress = await finished(browser, checkoutId)
    expect(progress).toMatchObject({ stage: 'paid', failure: null })
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 0, reserved: 0 })
    const payments = await api.deps.db
      .selectFrom('payments')
      .innerJoin('orders', 'orders.id', 'payments.order_id')
      .select(['payments.status'])
      .where('orders.user_id', '=', user.id)
      .orderBy('payments.created_at')
      .execute()
    expect(payments.map((p) => p.status)).toEqual(['failed', 'captured'])
  })

  it('the shopper cancels while the payment is processing; nobody else can see or cancel the checkout', async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 1_000 }, stock: [2] })
    const { browser, addressId } = await shopperWithCart(variant.variantId, 1)
    const { checkoutId } = await place(browser, addressId, 'tok_processing', randomUUID())
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 20_000,
        interval: 100,
      })
      .toBe('awaiting_payment')

    const stranger = await createTestUser(api.deps.db)
    const other = await signIn(api.url, stranger.email, stranger.password)
    const hidden = await errorOf(other.client.orders.progress.query({ checkoutId }))
    expect([hidden?.data?.code, hidden?.message]).toEqual([
      'NOT_FOUND',
      'No such checkout in your account.',
    ])
    expect((await errorOf(other.client.orders.cancel.mutate({ checkoutId })))?.data?.code).toBe(
      'NOT_FOUND',
    )

    await browser.client.orders.cancel.mutate({ checkoutId, reason: 'Changed my mind' })
    const progress = await finished(browser, checkoutId)
    expect(progress).toMatchObject({ stage: 'cancelled', failure: { code: 'customer_cancelled' } })
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 2, reserved: 0 })
    const late = await errorOf(browser.client.orders.cancel.mutate({ checkoutId }))
    expect([late?.data?.code, late?.message]).toEqual([
      'CONFLICT',
      'This checkout has already finished.',
    ])
  })

  it('a cancelled checkout leaves the cart, and placing it again with a new key pays a new order', async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 1_200 }, stock: [2] })
    const { user, browser, addressId } = await shopperWithCart(variant.variantId, 1)
    const first = await place(browser, addressId, 'tok_processing', randomUUID())
    await expect
      .poll(async () => (await browser.client.orders.progress.query(first)).stage, {
        timeout: 20_000,
        interval: 100,
      })
      .toBe('awaiting_payment')
    await browser.client.orders.cancel.mutate({ checkoutId: first.checkoutId })
    expect(await finished(browser, first.checkoutId)).toMatchObject({ stage: 'cancelled' })
    expect((await browser.client.cart.get.query()).lines).toHaveLength(1)

    const second = await place(browser, addressId, 'tok_visa', randomUUID())
    expect(await finished(browser, second.checkoutId)).toMatchObject({
      stage: 'paid',
      failure: null,
    })
    const orders = await api.deps.db
      .selectFrom('orders')
      .select(['status'])
      .where('user_id', '=', user.id)
      .orderBy('number')
      .execute()
    expect(orders.map((o) => o.status)).toEqual(['cancelled', 'paid'])
    expect(await stockOf(variant.variantId)).toEqual({ on_hand: 1, reserved: 0 })
  })
})
