import { createDb, type Db } from '@emporium/db'
import { insertTestOrder, insertTestUser } from '@emporium/db/testing'
import { createLogger, createMailer, type Mailer } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForMails } from '../testing/mailpit'
import { notificationHandlersWith, unclaimedOutboxEvent } from '../testing/notification-handlers'
import { createEmailSender, createLoggingSender } from './notification-channels'

const config = testConfig()
const logger = createLogger({ LOG_LEVEL: 'silent' }, 'payment-failed-mail-test')

describe('the payment-failed mail', () => {
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

  /** `final` undefined: an event recorded before the checkout said whether it gave up. */
  async function mailForAttempt(attempt: number, maxAttempts: number, final?: boolean) {
    const user = await insertTestUser(db)
    const order = await insertTestOrder(db, user.id)
    const onOrder = notificationHandlersWith({ db, logger, config }, [
      createEmailSender(mailer, config.MAIL_FROM),
      createLoggingSender('push', logger),
    ]).order[0]!
    await onOrder(
      await unclaimedOutboxEvent(db, 'order.payment_failed', {
        orderId: order.id,
        orderNumber: order.number,
        userId: user.id,
        attempt,
        maxAttempts,
        ...(final === undefined ? {} : { final }),
        message: 'Your card has insufficient funds.',
        declineCode: 'insufficient_funds',
      }),
    )
    const [mail, ...more] = await waitForMails(config.MAILPIT_URL, user.email)
    expect(more).toHaveLength(0)
    return { mail: mail!, orderNumber: order.number }
  }

  it('asks for another payment method while attempts are left', async () => {
    const { mail, orderNumber } = await mailForAttempt(2, 3, false)
    expect(mail.subject).toBe(`Payment for order #${orderNumber} failed`)
    expect(mail.text).toContain('Your card has insufficient funds.')
    expect(mail.text).toContain(
      'Please update your payment method so we can try again (attempt 2 of 3).',
    )
    expect(mail.text).toContain('Update your payment method')
    expect(mail.text).not.toContain('cancelled')
  })

  it('after the last attempt says the order was cancelled and nothing was charged, with no update link', async () => {
    const { mail, orderNumber } = await mailForAttempt(3, 3, true)
    expect(mail.subject).toBe(`Payment for order #${orderNumber} failed`)
    expect(mail.text).toContain('Your card has insufficient funds.')
    expect(mail.text).toContain(
      `That was the last of 3 attempts, so order #${orderNumber} has been cancelled and nothing was charged.`,
    )
    expect(mail.text).toContain('View your order')
    expect(mail.text).not.toContain('update your payment method')
    expect(mail.text).not.toContain('Update your payment method')
    expect(mail.html).not.toContain('Update your payment method')
  })

  it('says cancelled when the checkout gave up on an attempt numbered below the last (a charge retried after an outage keeps its number)', async () => {
    const { mail, orderNumber } = await mailForAttempt(1, 3, true)
    expect(mail.text).toContain(
      `That was the last of 3 attempts, so order #${orderNumber} has been cancelled and nothing was charged.`,
    )
    expect(mail.text.toLowerCase()).not.toContain('update your payment method')
    expect(mail.html.toLowerCase()).not.toContain('update your payment method')
  })

  it('for an event recorded without `final`, the last attempt by number says cancelled and earlier ones ask for a new method', async () => {
    const last = await mailForAttempt(3, 3)
    expect(last.mail.text).toContain(
      `order #${last.orderNumber} has been cancelled and nothing was charged.`,
    )
    expect(last.mail.text.toLowerCase()).not.toContain('update your payment method')
    const earlier = await mailForAttempt(2, 3)
    expect(earlier.mail.text).toContain(
      'Please update your payment method so we can try again (attempt 2 of 3).',
    )
    expect(earlier.mail.text).not.toContain('cancelled')
  })
})
