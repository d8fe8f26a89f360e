import { randomUUID } from 'node:crypto'
import { createDb, findNotificationsByEvent, setNotificationOptOut, type Db } from '@emporium/db'
import { insertTestOrder, insertTestUser, insertTestVariant } from '@emporium/db/testing'
import {
  createLogger,
  createMailer,
  LINK_PATHS,
  verifyLinkToken,
  type Mailer,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailsTo, waitForMails } from '../testing/mailpit'
import { notificationHandlersWith, unclaimedOutboxEvent } from '../testing/notification-handlers'
import {
  createEmailSender,
  createLoggingSender,
  type NotificationSender,
} from './notification-channels'
import { notificationEventId } from './notifier'
import { outboxSource } from './outbox-notification-handlers'

const config = testConfig()
const logger = createLogger({ LOG_LEVEL: 'silent' }, 'notifications-test')

describe('notification outbox handlers', () => {
  let db: Db
  let mailer: Mailer
  beforeAll(() => {
    db = createDb(config.DATABASE_URL)
    mailer = createMailer(config).mailer
  })
  afterAll(async () => {
    mailer.close()
    await db.destroy()
  })

  const handlersWith = (email: NotificationSender) =>
    notificationHandlersWith({ db, logger, config }, [email, createLoggingSender('push', logger)])
  const handlers = () => handlersWith(createEmailSender(mailer, config.MAIL_FROM))

  const event = (eventType: string, payload: unknown) =>
    unclaimedOutboxEvent(db, eventType, payload)

  async function customer(displayName = 'Ada') {
    const user = await insertTestUser(db)
    await db
      .updateTable('users')
      .set({ display_name: displayName })
      .where('id', '=', user.id)
      .execute()
    return user
  }

  it('mails an order confirmation once, however often the event is delivered', async () => {
    const user = await customer()
    const order = await insertTestOrder(db, user.id, {
      subtotal_minor: 12_345,
      total_minor: 12_345,
    })
    const { sellerId, variantId, productId } = await insertTestVariant(db)
    await db
      .insertInto('order_items')
      .values({
        order_id: order.id,
        seller_id: sellerId,
        variant_id: variantId,
        product_id: productId,
        product_name: 'Teapot & <Cups>',
        sku: 'TEA-1',
        unit_price_minor: 4_115,
        quantity: 3,
      })
      .execute()
    const paid = await event('order.paid', {
      orderId: order.id,
      orderNumber: order.number,
      userId: user.id,
      total: { amount: 12_345, currency: 'USD' },
    })
    const [onOrder] = handlers().order
    await onOrder!(paid)
    await onOrder!(paid) // a redelivery after a crash before the outbox row was marked
    const [mail, ...more] = await waitForMails(config.MAILPIT_URL, user.email)
    expect(more).toHaveLength(0)
    expect(mail!.subject).toBe(`Order #${order.number} confirmed`)
    expect(mail!.text).toContain('Hello Ada,')
    expect(mail!.text).toContain('$123.45')
    expect(mail!.text).toContain('3 × Teapot & <Cups>  $123.45')
    expect(mail!.html).toContain('3 × Teapot &amp; &lt;Cups&gt;')
    expect(mail!.text).not.toContain('Unsubscribe')
    const log = await findNotificationsByEvent(db, notificationEventId(outboxSource(paid), user.id))
    expect(log.map((n) => [n.channel, n.kind, n.status, n.recipient])).toEqual([
      ['email', 'order_confirmation', 'sent', user.email],
    ])
  })

  it('mails payment failures, shipping with tracking (and a push), refunds and cancellations', async () => {
    const user = await customer()
    const order = await insertTestOrder(db, user.id)
    const ref = { orderId: order.id, orderNumber: order.number, userId: user.id }
    const [onOrder] = handlers().order
    await onOrder!(
      await event('order.payment_failed', {
        ...ref,
        attempt: 1,
        maxAttempts: 3,
        message: 'Your card was declined.',
        declineCode: 'card_declined',
      }),
    )
    const shipped = await event('order.shipped', {
      ...ref,
      fulfillmentId: randomUUID(),
      sellerId: randomUUID(),
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    })
    await onOrder!(shipped)
    await onOrder!(
      await event('order.refunded', {
        ...ref,
        refundId: randomUUID(),
        amount: { amount: 2_500, currency: 'EUR' },
      }),
    )
    await onOrder!(
      await event('order.cancelled', {
        ...ref,
        reason: 'payment_failed',
        message: 'The payment never went through.',
      }),
    )
    await onOrder!(await event('order.delivered', { ...ref, fulfillmentId: randomUUID() }))

    const mails = await waitForMails(config.MAILPIT_URL, user.email, 4)
    expect(mails.map((m) => m.subject)).toEqual([
      `Payment for order #${order.number} failed`,
      `Order #${order.number} has shipped`,
      `Refund of €25.00 for order #${order.number}`,
      `Order #${order.number} was cancelled`,
    ])
    expect(mails[0]!.text).toContain('Your card was declined.')
    expect(mails[0]!.text).toContain('Update your payment method')
    expect(mails[1]!.text).toContain('UPS')
    expect(mails[1]!.text).toContain('1Z999AA10123456784')
    expect(mails[3]!.text).toContain('The payment never went through.')
    const log = await findNotificationsByEvent(
      db,
      notificationEventId(outboxSource(shipped), user.id),
    )
    expect(log.map((n) => [n.channel, n.status])).toEqual([
      ['email', 'sent'],
      ['push', 'sent'],
    ])
  })

  it('tells a reviewer about a reply unless they opted out, with a signed unsubscribe link', async () => {
    const { productId } = await insertTestVariant(db)
    const reply = async (reviewer: { id: string }) => {
      const review = await db
        .insertInto('reviews')
        .values({
          product_id: productId,
          user_id: reviewer.id,
          rating: 4,
          title: 'Nice',
          body: 'Works well',
          seller_reply: 'Thanks <b>so</b> much!',
          seller_replied_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const replied = await event('review.replied', {
        reviewId: review.id,
        productId,
        reviewerId: reviewer.id,
      })
      await handlers().review[0]!(replied)
      return replied
    }
    const reviewer = await customer('<script>x</script>')
    await reply(reviewer)
    const [mail] = await waitForMails(config.MAILPIT_URL, reviewer.email)
    expect(mail!.subject).toMatch(/^The seller replied to your review of /)
    expect(mail!.text).toContain('Thanks <b>so</b> much!')
    expect(mail!.html).toContain('Thanks &lt;b&gt;so&lt;/b&gt; much!')
    expect(mail!.html).toContain('Hello &lt;script&gt;x&lt;/script&gt;,')
    expect(mail!.html).not.toContain('<script>')
    const link = new RegExp(`${LINK_PATHS.unsubscribe}\\?token=([\\w.%-]+)`).exec(mail!.text)
    const claims = verifyLinkToken(
      config.NOTIFICATION_LINK_SECRET,
      'unsubscribe',
      decodeURIComponent(link![1]!),
    )
    expect(claims).toMatchObject({ subject: reviewer.id, kind: 'review_reply' })
    expect(mail!.headers['List-Unsubscribe']?.[0]).toContain(LINK_PATHS.unsubscribe)

    const optedOut = await customer()
    await setNotificationOptOut(db, {
      userId: optedOut.id,
      channel: 'email',
      kind: 'review_reply',
      optedOut: true,
    })
    const suppressed = await reply(optedOut)
    const log = await findNotificationsByEvent(
      db,
      notificationEventId(outboxSource(suppressed), optedOut.id),
    )
    expect(log.map((n) => n.status)).toEqual(['suppressed'])
    expect(await mailsTo(config.MAILPIT_URL, optedOut.email)).toHaveLength(0)
  })

  it("alerts the seller's owner about low stock", async () => {
    const { sellerId } = await insertTestVariant(db)
    const owner = await db
      .selectFrom('sellers')
      .innerJoin('users', 'users.id', 'sellers.user_id')
      .select(['users.email'])
      .where('sellers.id', '=', sellerId)
      .executeTakeFirstOrThrow()
    await handlers().seller[0]!(
      await event('stock.low', {
        sellerId,
        variantId: randomUUID(),
        sku: 'MUG-RED',
        warehouseId: 1,
        warehouseCode: 'WH-1',
        available: 2,
        threshold: 5,
      }),
    )
    const [mail] = await waitForMails(config.MAILPIT_URL, owner.email)
    expect(mail!.subject).toBe('Low stock: MUG-RED (2 left)')
    expect(mail!.text).toContain('warehouse WH-1')
  })

  it('retries a mail whose send failed, and sends it once when the retry succeeds', async () => {
    const user = await customer()
    const order = await insertTestOrder(db, user.id)
    const cancelled = await event('order.cancelled', {
      orderId: order.id,
      orderNumber: order.number,
      userId: user.id,
      reason: 'customer',
      message: 'You cancelled it.',
    })
    const broken: NotificationSender = {
      channel: 'email',
      send: () => Promise.reject(new Error('SMTP connection refused')),
    }
    await expect(handlersWith(broken).order[0]!(cancelled)).rejects.toThrow(
      'SMTP connection refused',
    )
    const key = notificationEventId(outboxSource(cancelled), user.id)
    expect((await findNotificationsByEvent(db, key)).map((n) => [n.status, n.error])).toEqual([
      ['failed', 'SMTP connection refused'],
    ])
    await handlers().order[0]!(cancelled)
    await handlers().order[0]!(cancelled)
    expect(await waitForMails(config.MAILPIT_URL, user.email)).toHaveLength(1)
    expect((await findNotificationsByEvent(db, key)).map((n) => n.status)).toEqual(['sent'])
  })
})
