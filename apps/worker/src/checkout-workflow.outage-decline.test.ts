import { createLogger, createMailer, createTestGateway, type Mailer } from '@emporium/infra'
import { checkoutProgressQuery } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmailSender } from './notifications/notification-channels'
import { createOutboxRelay } from './outbox/outbox-relay'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import {
  cancelledResult,
  createCheckoutHarness,
  untilStage,
  type CheckoutHarness,
} from './testing/checkout-harness'
import { waitForMails } from './testing/mailpit'
import { notificationHandlersWith } from './testing/notification-handlers'
import { outageGateway } from './testing/outage-gateway'
import { uniqueTaskQueue } from './testing/temporal'

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

  /**
   * Mails the shopper about each of the order's outbox events, in order, through a relay confined to
   * the order: an event another test's worker relay claims first is mailed by that relay instead,
   * never by both at once.
   */
  async function mailOrderEvents(orderId: string) {
    const logger = createLogger({ LOG_LEVEL: 'silent' }, 'outage-decline-test')
    const { order } = notificationHandlersWith({ db: h.db, logger, config: h.config }, [
      createEmailSender(mailer, h.config.MAIL_FROM),
    ])
    const relay = createOutboxRelay({
      db: h.db,
      logger,
      handlers: { order },
      aggregateIds: [orderId],
    })
    while ((await relay.runOnce()) > 0);
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
      await untilStage(handle, 'retrying_payment', 60_000)
      const whileDown = await handle.query(checkoutProgressQuery)
      flaky.recover()
      return { result: await handle.result(), whileDown }
    })

    expect(whileDown).toMatchObject({ stage: 'retrying_payment', paymentAttempts: 1 })
    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual(
      cancelledResult(order!, {
        code: 'payment_declined',
        message: 'Your card has insufficient funds. The order was cancelled.',
      }),
    )
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

    // The attempt number is the retried key's (1 of 2), yet the checkout gave up after it.
    expect(await h.paymentFailedPayloadsOf(order!.id)).toEqual([
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
