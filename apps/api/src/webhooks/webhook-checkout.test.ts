import { randomUUID } from 'node:crypto'
import { createStripe, createTestGateway, withCircuitBreaker, type Stripe } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApi } from '../server'
import { signIn } from '../testing/api-client'
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestUser } from '../testing/users'

describe('a Stripe webhook settles a waiting checkout (API → Temporal → checkoutWorkflow)', () => {
  const taskQueue = `emporium-test-webhook-checkout-${randomUUID()}`
  const config = { ...testConfig(), TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined }
  const signer = createStripe(testConfig()) as Stripe
  let stack: ApiWithWorker
  let api: RunningApi

  beforeAll(async () => {
    stack = await startApiWithWorker(config, {
      // "Processing" payments stay pending for an hour at this gateway: only the webhook can settle them.
      adaptWorkerDeps: (deps) => ({
        ...deps,
        paymentGateway: withCircuitBreaker(
          createTestGateway(deps.redis, { processingMs: 3600_000 }),
        ),
      }),
    })
    api = stack.api
  }, 180_000)
  afterAll(async () => {
    await stack?.close()
  })

  function deliver(event: object) {
    const payload = JSON.stringify(event)
    const signature = signer.webhooks.generateTestHeaderString({
      payload,
      secret: config.STRIPE_WEBHOOK_SECRET,
    })
    return fetch(`${api.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    })
  }
  const event = (type: string, intentId: string, created: number, extra: object = {}) => ({
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    created,
    type,
    data: { object: { id: intentId, object: 'payment_intent', metadata: {}, ...extra } },
  })

  it('succeeded delivered 5 times, with an older failure after it: the order is paid once', async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 2_000 }, stock: [3] })
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const address = await browser.client.account.createAddress.mutate({
      fullName: 'Grace Hopper',
      line1: '1 Compiler Road',
      city: 'New York',
      region: 'NY',
      postalCode: '10001',
      country: 'US',
      makeDefault: true,
    })
    await browser.client.cart.addLine.mutate({ variantId: variant.variantId, quantity: 1 })
    await browser.client.cart.setShippingRegion.mutate({ region: 'US-NY' })
    const { checkoutId } = await browser.client.orders.place.mutate(
      { shippingAddressId: address.id, paymentMethodToken: 'tok_processing' },
      { context: { idempotencyKey: randomUUID() } },
    )
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe('awaiting_payment')
    const { orderId } = await browser.client.orders.progress.query({ checkoutId })
    const payment = await api.deps.db
      .selectFrom('payments')
      .select('intent_id')
      .where('order_id', '=', orderId!)
      .executeTakeFirstOrThrow()

    const now = Math.floor(Date.now() / 1000)
    const succeeded = event('payment_intent.succeeded', payment.intent_id, now)
    const olderFailure = event('payment_intent.payment_failed', payment.intent_id, now - 60, {
      last_payment_error: { decline_code: 'card_declined', message: 'Declined.' },
    })
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(succeeded)))
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    expect((await deliver(olderFailure)).status).toBe(200)

    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe('paid')
    const order = await api.deps.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', orderId!)
      .executeTakeFirstOrThrow()
    expect(order.status).toBe('paid')
    const payments = await api.deps.db
      .selectFrom('payments')
      .select(['status', 'captured_minor'])
      .where('order_id', '=', orderId!)
      .execute()
    expect(payments).toHaveLength(1)
    expect(payments[0]?.status).toBe('captured')
    const stored = await api.deps.db
      .selectFrom('webhook_events')
      .select('event_id')
      .where('event_id', 'in', [succeeded.id, olderFailure.id])
      .execute()
    expect(stored).toHaveLength(2)
  })
})
