import { randomUUID } from 'node:crypto'
import { writeCart, type CartMeta } from '@emporium/cart'
import { DEFAULT_CART_SETTINGS } from '@emporium/cart'
import { createDb, recordOutboxEvent, setNotificationOptOut, type Db } from '@emporium/db'
import { insertTestOrder, insertTestUser, insertTestVariant } from '@emporium/db/testing'
import {
  createLogger,
  createMailer,
  createRedis,
  LINK_PATHS,
  verifyLinkToken,
  type Mailer,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import {
  cartAbandonmentWorkflowId,
  cartActivitySignal,
  cartClosedSignal,
  WORKFLOW_TYPES,
  type CartAbandonmentInput,
} from '@emporium/workflows'
import type { cartAbandonmentWorkflow } from '@emporium/workflows/workflows'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import type { Worker } from '@temporalio/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCartAbandonmentActivities } from './activities/cart-abandonment-activities'
import { createCloseOnCheckoutHandlers } from './cart-abandonment/close-on-checkout-handler'
import { createWorkerNotifier } from './notifications'
import { mailsTo, waitForMails } from './testing/mailpit'
import { testWorkflowBundle, timeSkippingServerPath, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

const HOUR_MS = 60 * 60 * 1000
const config = testConfig()
const logger = createLogger({ LOG_LEVEL: 'silent' }, 'cart-abandonment-test')

describe('cartAbandonmentWorkflow on the time-skipping test server', () => {
  let env: TestWorkflowEnvironment
  let db: Db
  let redis: Redis
  let mailer: Mailer
  let worker: Worker
  let taskQueue: string
  let running: Promise<void>

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
    })
    db = createDb(config.DATABASE_URL)
    redis = createRedis(config)
    mailer = createMailer(config).mailer
    taskQueue = uniqueTaskQueue('cart-abandonment')
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      activities: createCartAbandonmentActivities({
        db,
        redis,
        logger,
        config,
        notifier: createWorkerNotifier({ db, logger, config, mail: mailer }),
      }),
      workflowBundle: await testWorkflowBundle(),
    })
    running = worker.run()
  }, 60_000)
  afterAll(async () => {
    worker?.shutdown()
    await running
    mailer?.close()
    await redis?.quit()
    await db?.destroy()
    await env?.teardown()
  })

  /** A signed-in shopper with one line in a Redis cart. */
  async function shopperWithCart() {
    const user = await insertTestUser(db)
    const { variantId, sku } = await insertTestVariant(db)
    const productName = (
      await db
        .selectFrom('product_variants as v')
        .innerJoin('products as p', 'p.id', 'v.product_id')
        .select('p.name')
        .where('v.id', '=', variantId)
        .executeTakeFirstOrThrow()
    ).name
    const meta: CartMeta = {
      id: randomUUID(),
      currency: 'USD',
      exchangeRate: null,
      exchangeRateDecimal: null,
      couponCodes: [],
      shippingRegion: null,
      userId: user.id,
      createdAt: new Date().toISOString(),
    }
    await writeCart(
      redis,
      meta,
      {
        meta,
        putLines: [
          {
            variantId,
            sku,
            quantity: 2,
            unitPrice: { amount: 1_500, currency: 'USD' },
            lockedUntil: new Date(Date.now() + HOUR_MS).toISOString(),
          },
        ],
      },
      DEFAULT_CART_SETTINGS,
    )
    return { user, cartId: meta.id, productName }
  }

  function start(cartId: string, input: Partial<CartAbandonmentInput> = {}) {
    return env.client.workflow.signalWithStart<typeof cartAbandonmentWorkflow, []>(
      WORKFLOW_TYPES.cartAbandonment,
      {
        taskQueue,
        workflowId: cartAbandonmentWorkflowId(cartId),
        args: [{ cartId, idleMs: HOUR_MS, ...input }],
        signal: cartActivitySignal,
        signalArgs: [],
      },
    )
  }

  it('reminds after an idle hour, then a day later with a one-time coupon for that shopper only', async () => {
    const { user, cartId, productName } = await shopperWithCart()
    const handle = await start(cartId)
    const result = await handle.result()

    expect(result.outcome).toBe('reminded')
    const [first, second] = result.reminders
    expect(first).toMatchObject({ reminder: 1, outcome: 'sent' })
    expect(second).toMatchObject({ reminder: 2, outcome: 'sent' })
    expect(first!.at - result.startedAt).toBeGreaterThanOrEqual(HOUR_MS)
    expect(first!.at - result.startedAt).toBeLessThan(2 * HOUR_MS)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(24 * HOUR_MS)

    const mails = await waitForMails(config.MAILPIT_URL, user.email, 2)
    expect(mails.map((m) => m.subject)).toEqual([
      'You left something in your cart',
      'Still thinking it over? 10% off your cart',
    ])
    expect(mails[0]!.text).toContain(`2 × ${productName}`)
    const token = new RegExp(`${LINK_PATHS.cartRestore}\\?token=([\\w.%-]+)`).exec(mails[0]!.text)
    expect(
      verifyLinkToken(
        config.NOTIFICATION_LINK_SECRET,
        'cart-restore',
        decodeURIComponent(token![1]!),
      ),
    ).toMatchObject({ subject: cartId })
    expect(mails[0]!.text).not.toMatch(/COMEBACK-/)
    const code = /COMEBACK-[0-9A-F]{10}/.exec(mails[1]!.text)?.[0]
    const coupon = await db
      .selectFrom('coupons')
      .selectAll()
      .where('code', '=', code!)
      .executeTakeFirstOrThrow()
    expect(coupon).toMatchObject({
      kind: 'percentage',
      value: 1_000,
      usage_limit_total: 1,
      usage_limit_per_customer: 1,
      issued_to_user_id: user.id,
    })
  })

  it('starts the idle hour again on every cart change', async () => {
    const { user, cartId } = await shopperWithCart()
    const handle = await start(cartId, { secondReminderAfterMs: 24 * HOUR_MS })
    await env.sleep('50 minutes')
    await handle.signal(cartActivitySignal)
    await env.sleep('50 minutes')
    expect(await mailsTo(config.MAILPIT_URL, user.email)).toHaveLength(0)
    await handle.signal(cartClosedSignal, { reason: 'emptied' })
    const result = await handle.result()
    expect(result.outcome).toBe('emptied')
    expect(result.reminders).toEqual([])

    // The same again, but left alone after the change: the reminder comes an hour after it.
    const other = await shopperWithCart()
    const second = await start(other.cartId)
    await env.sleep('50 minutes')
    await start(other.cartId) // a later cart change reaches the running workflow
    const status = await second.query('cartAbandonmentStatus')
    expect(status).toMatchObject({ stage: 'waiting', reminders: [] })
    await env.sleep('59 minutes')
    expect(await mailsTo(config.MAILPIT_URL, other.user.email)).toHaveLength(0)
    await env.sleep('2 minutes')
    await waitForMails(config.MAILPIT_URL, other.user.email, 1)
    await second.signal(cartClosedSignal, { reason: 'checked_out' })
    expect((await second.result()).reminders.map((r) => r.reminder)).toEqual([1])
  })

  it('stops at once without mail when the cart checks out or empties', async () => {
    for (const reason of ['checked_out', 'emptied'] as const) {
      const { user, cartId } = await shopperWithCart()
      const handle = await start(cartId)
      await env.sleep('30 minutes')
      await handle.signal(cartClosedSignal, { reason })
      const result = await handle.result()
      expect(result).toMatchObject({ outcome: reason, reminders: [] })
      expect(result.startedAt).toBeGreaterThan(0)
      await env.sleep('2 days')
      expect(await mailsTo(config.MAILPIT_URL, user.email)).toHaveLength(0)
    }
  })

  it('never mails a shopper who opted out of cart reminders, and issues no coupon', async () => {
    const { user, cartId } = await shopperWithCart()
    await setNotificationOptOut(db, {
      userId: user.id,
      channel: 'email',
      kind: 'cart_reminder',
      optedOut: true,
    })
    const result = await (await start(cartId)).result()
    expect(result).toMatchObject({ outcome: 'stopped', stoppedBecause: 'opted_out' })
    expect(await mailsTo(config.MAILPIT_URL, user.email)).toHaveLength(0)
    const coupons = await db
      .selectFrom('coupons')
      .select('id')
      .where('issued_to_user_id', '=', user.id)
      .execute()
    expect(coupons).toEqual([])
  })

  it("stops when the outbox reports the cart's order as paid", async () => {
    const { user, cartId } = await shopperWithCart()
    const handle = await start(cartId)
    await env.sleep('20 minutes')
    const order = await insertTestOrder(db, user.id, { cart_id: cartId })
    const eventId = await recordOutboxEvent(db, {
      aggregateType: `test-${randomUUID()}`, // no relay of another process takes it
      aggregateId: order.id,
      eventType: 'order.paid',
      payload: {
        orderId: order.id,
        orderNumber: order.number,
        userId: user.id,
        total: { amount: 10_000, currency: 'USD' },
      },
    })
    const event = await db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow()
    const [onOrder] = createCloseOnCheckoutHandlers({
      db,
      logger,
      temporal: () => Promise.resolve(env.client),
    }).order
    await onOrder!(event)
    expect(await handle.result()).toMatchObject({ outcome: 'checked_out', reminders: [] })
    await onOrder!(event) // redelivered after the workflow finished: nothing to signal, no error
    expect(await mailsTo(config.MAILPIT_URL, user.email)).toHaveLength(0)
  })
})
