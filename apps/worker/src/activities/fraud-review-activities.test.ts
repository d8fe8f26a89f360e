import { randomUUID } from 'node:crypto'
import type { Db } from '@emporium/db'
import { createTestDb, insertTestOrder, insertTestUser } from '@emporium/db/testing'
import { createLogger } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertBillingAddress } from '../testing/fraud-review-fixtures'
import { buyerIp, cardFingerprint, createFraudReviewActivities } from './fraud-review-activities'

describe('fraud screening activity (real PostgreSQL)', () => {
  const config = testConfig()
  let db: Db
  let activities: ReturnType<typeof createFraudReviewActivities>
  beforeAll(async () => {
    db = await createTestDb(config.DATABASE_URL)
    activities = createFraudReviewActivities({ db, logger: createLogger(config, 'worker-test') })
  })
  afterAll(async () => db?.destroy())

  /** A unique public address, so other runs' screenings are never counted with this test's. */
  const uniqueIp = () => `2001:db8:${randomUUID().slice(0, 4)}::${randomUUID().slice(0, 4)}`

  async function screen(
    userId: string,
    options: {
      ip?: string | null
      token?: string
      billingAddressId?: string | null
      amount?: number
    } = {},
  ) {
    const order = await insertTestOrder(db, userId)
    const verdict = await activities.screenOrder({
      orderId: order.id,
      userId,
      checkoutWorkflowId: `checkout:${randomUUID()}`,
      clientIp: options.ip ?? null,
      paymentMethodToken: options.token ?? 'tok_visa',
      billingAddressId: options.billingAddressId ?? null,
      shippingCountry: 'US',
      total: { amount: options.amount ?? 5_000, currency: 'USD' },
    })
    const row = await db
      .selectFrom('order_risk_reviews')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow()
    return { order, verdict, row, codes: row.reasons.map((r) => r.code) }
  }

  it('a returning buyer paying from a public IP is accepted with score 0, and that is recorded', async () => {
    const user = await insertTestUser(db)
    await insertTestOrder(db, user.id, { status: 'paid', paid_at: new Date('2026-01-01') })
    const ip = uniqueIp()
    const { verdict, row } = await screen(user.id, { ip, amount: 250_000 })
    expect(verdict).toMatchObject({ held: false, score: 0 })
    expect(row).toMatchObject({ status: 'accepted', score: 0, client_ip: ip, reasons: [] })
  })

  it('the same account ordering a third time within the hour trips account velocity', async () => {
    const user = await insertTestUser(db)
    await insertTestOrder(db, user.id)
    await insertTestOrder(db, user.id)
    expect((await screen(user.id)).codes).toEqual([])
    // Now three earlier orders (the screened one above included) in the last hour.
    expect((await screen(user.id)).codes).toEqual(['account_velocity'])
  })

  it('IP velocity counts screened orders of other accounts from that IP, but not from our own network', async () => {
    const ip = uniqueIp()
    for (let i = 0; i < 5; i++) await screen((await insertTestUser(db)).id, { ip })
    expect((await screen((await insertTestUser(db)).id, { ip })).codes).toEqual(['ip_velocity'])

    for (let i = 0; i < 5; i++)
      await screen((await insertTestUser(db)).id, { ip: '::ffff:10.1.2.3' })
    const local = await screen((await insertTestUser(db)).id, { ip: '::ffff:10.1.2.3' })
    expect(local.codes).toEqual([])
    expect(local.row.client_ip).toBe('10.1.2.3')
  })

  it('card velocity follows one payment method across accounts; the shared test tokens have no fingerprint', async () => {
    const token = `pm_${randomUUID().replaceAll('-', '')}`
    for (let i = 0; i < 3; i++) await screen((await insertTestUser(db)).id, { token })
    const fourth = await screen((await insertTestUser(db)).id, { token })
    expect(fourth.codes).toEqual(['card_velocity'])
    expect(fourth.row.card_fingerprint).toBe(cardFingerprint(token))
    expect(fourth.row.card_fingerprint).not.toContain(token)
    expect(cardFingerprint('tok_visa')).toBeNull()
    expect(cardFingerprint('pm_card_visa')).toBeNull()
  })

  it('a big first order billed abroad is held for review; repeated declines add to it', async () => {
    const user = await insertTestUser(db)
    const billing = await insertBillingAddress(db, user.id, 'FR')
    const declined = await insertTestOrder(db, user.id, { status: 'cancelled' })
    for (let i = 0; i < 3; i++) {
      await db
        .insertInto('payments')
        .values({
          order_id: declined.id,
          gateway: 'test',
          intent_id: `pi_${randomUUID()}`,
          status: 'failed',
          amount_minor: 10_000,
          currency: 'USD',
          idempotency_key: randomUUID(),
          failure_code: 'card_declined',
        })
        .execute()
    }
    const { verdict, row, codes } = await screen(user.id, {
      billingAddressId: billing.id,
      amount: 150_000,
    })
    expect(codes).toEqual([
      'first_order_high_value',
      'billing_shipping_mismatch',
      'repeated_declines',
    ])
    expect(verdict).toMatchObject({ held: true, score: 85, reviewId: row.id })
    expect(row.status).toBe('pending')

    // Someone else's address is no billing address of this shopper.
    const other = await insertTestUser(db)
    const foreign = await insertBillingAddress(db, other.id, 'DE')
    const again = await screen((await insertTestUser(db)).id, { billingAddressId: foreign.id })
    expect(again.codes).toEqual([])
  })

  it('screening an order twice (a retried activity) keeps the first screening', async () => {
    const user = await insertTestUser(db)
    const { order, row } = await screen(user.id)
    const retried = await activities.screenOrder({
      orderId: order.id,
      userId: user.id,
      checkoutWorkflowId: row.checkout_workflow_id,
      clientIp: null,
      paymentMethodToken: 'tok_visa',
      billingAddressId: null,
      shippingCountry: 'US',
      total: { amount: 900_000, currency: 'USD' },
    })
    expect(retried).toEqual({ reviewId: row.id, score: 0, held: false })
  })

  it('names only public addresses as buyers', () => {
    expect(buyerIp('127.0.0.1')).toBeNull()
    expect(buyerIp('192.168.1.9')).toBeNull()
    expect(buyerIp('::1')).toBeNull()
    expect(buyerIp('203.0.113.7')).toBe('203.0.113.7')
  })
})
