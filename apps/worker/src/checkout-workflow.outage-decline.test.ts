import {
  createLogger,
  createMailer,
  createTestGateway,
  GatewayUnavailableError,
  type Mailer,
  type PaymentGateway,
} from '@emporium/infra'
import { checkoutProgressQuery } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmailSender } from './notifications/notification-channels'
import { createNotifier } from './notifications/notifier'
import { createNotificationHandlers } from './notifications/outbox-notification-handlers'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { waitForMails } from './testing/mailpit'
import { uniqueTaskQueue } from './testing/temporal'

/** The test gateway, down (every charge an outage) until `recover()`. */
function outageGateway(inner: PaymentGateway) {
  const state = { down: true }
  const gateway: PaymentGateway = {
    ...inner,
    createPayment: async (input) => {
      if (state.down) throw new GatewayUnavailableError('test gateway: connection refused')
      return inner.createPayment(input)
    },
  }
  return { gateway, recover: () => (state.down = false) }
}

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow giving up after an outage, then a decline', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  let mailer: Mailer
  beforeAll(async () => {
    h = await createCheckoutHarness()
    mailer = createMailer(h.config).mailer
  })
  afterAll(async () => {
    mailer?.close()
    await h?.close()
  })

  /** Mails the shopper about each of the order's outbox events, in order, as the relay does. */
  async function mailOrderEvents(orderId: string) {
    const logger = createLogger({ LOG_LEVEL: 'silent' }, 'outage-decline-test')
    const [onOrder] = createNotificationHandlers({
      db: h.db,
      logger,
      config: h.config,
      notifier: createNotifier({
        db: h.db,
        logger,
        config: h.config,
        senders: [createEmailSender(mailer, h.config.MAIL_FROM)],
      }),
    }).order
    const events = await h.db
      .selectFrom('outbox')
      .selectAll()
      .where('aggregate_type', '=', 'order')
      .where('aggregate_id', '=', orderId)
      .orderBy('id')
      .execute()
    for (const event of events) await onOrder!(event)
  }

  it('the last attempt, still numbered as the retried first, is final: the mail says cancelled, not "update your payment method"', async () => {
    const taskQueue = uniqueTaskQueue('checkout-outage-decline')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    // Two attempts: the first outlasts the gateway patience; the second, retried under the first
    // attempt's idempotency key (its outcome was unknown), reaches the gateway and is declined.
    const input = checkoutInputFor(shopper, 'tok_chargeDeclinedInsufficientFunds', {
      maxPaymentAttempts: 2,
      gatewayPatienceMs: 1_500,
      paymentRetryBackoffMs: 3_000,
    })
    const flaky = outageGateway(createTestGateway(h.redis, { processingMs: 1_000 }))
    const worker = await h.worker(taskQueue, flaky.gateway)
    const { result, whileDown } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      await expect
        .poll(async () => (await handle.query(checkoutProgressQuery)).stage, {
          timeout: 60_000,
          interval: 100,
        })
        .toBe('retrying_payment')
      const whileDown = await handle.query(checkoutProgressQuery)
      flaky.recover()
      return { result: await handle.result(), whileDown }
    })

    expect(whileDown).toMatchObject({ stage: 'retrying_payment', paymentAttempts: 1 })
    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual({
      status: 'cancelled',
      orderId: order!.id,
      orderNumber: Number(order!.number),
      failure: {
        code: 'payment_declined',
        message: 'Your card has insufficient funds. The order was cancelled.',
      },
    })
    expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'payment_declined' })
    expect(
      (await h.paymentsOf(order!.id)).map((p) => [p.status, p.captured_minor, p.idempotency_key]),
    ).toEqual([['failed', 0, `order:${order!.id}:payment:1`]])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })

    await mailOrderEvents(order!.id)
    const { email } = await h.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', shopper.userId)
      .executeTakeFirstOrThrow()
    const mails = await waitForMails(h.config.MAILPIT_URL, email, 2)
    const orderNumber = Number(order!.number)
    expect(mails.map((m) => m.subject)).toEqual([
      `Payment for order #${orderNumber} failed`,
      `Order #${orderNumber} was cancelled`,
    ])
    expect(mails[0]!.text).toContain(
      `order #${orderNumber} has been cancelled and nothing was charged.`,
    )
    expect(mails.at(-1)!.text).toContain('You have not been charged for it.')
    for (const mail of mails) {
      expect(mail.text.toLowerCase()).not.toContain('update your payment method')
      expect(mail.html.toLowerCase()).not.toContain('update your payment method')
    }

    const failed = await h.db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregate_id', '=', order!.id)
      .where('event_type', '=', 'order.payment_failed')
      .execute()
    // The attempt number is the retried key's (1 of 2), yet the checkout gave up after it.
    expect(failed.map((e) => e.payload)).toEqual([
      {
        orderId: order!.id,
        orderNumber: Number(order!.number),
        userId: shopper.userId,
        attempt: 1,
        maxAttempts: 2,
        final: true,
        message: 'Your card has insufficient funds.',
        declineCode: 'insufficient_funds',
      },
    ])
  })
})
