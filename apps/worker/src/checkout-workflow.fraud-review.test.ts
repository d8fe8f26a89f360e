import { insertTestUser } from '@emporium/db/testing'
import {
  cancelCheckoutUpdate,
  checkoutProgressQuery,
  checkoutWorkflowId,
  fraudReviewSignal,
  ORDER_STATUS_ATTRIBUTE,
  type CheckoutInput,
  type FraudReviewDecision,
} from '@emporium/workflows'
import type { WorkflowHandle } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { createRiskyCheckout } from './testing/fraud-review-fixtures'
import { uniqueTaskQueue } from './testing/temporal'

const REJECTED =
  'Your order could not be accepted after a security review and was cancelled; nothing was charged.'
const EXPIRED = 'Your order could not be reviewed in time and was cancelled; nothing was charged.'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow fraud review on the Temporal dev server', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  const reviewOf = (orderId: string) =>
    h.db
      .selectFrom('order_risk_reviews')
      .select(['status', 'score', 'reasons', 'client_ip', 'decided_by', 'decision_note'])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow()

  /** Hours from now until the checkout's stock reservations expire. */
  const reservationHoursLeft = async (input: CheckoutInput) => {
    const rows = await h.db
      .selectFrom('reservations')
      .select('expires_at')
      .where('owner_key', '=', `${checkoutWorkflowId(input.cartId)}:${input.idempotencyKey}`)
      .execute()
    expect(rows.length).toBeGreaterThan(0)
    return Math.min(...rows.map((r) => (r.expires_at.getTime() - Date.now()) / 3_600_000))
  }

  /** Waits until the checkout is held, and checks nothing was charged meanwhile. */
  async function untilHeld(handle: WorkflowHandle, idempotencyKey: string) {
    await expect
      .poll(async () => (await handle.query(checkoutProgressQuery)).stage, {
        timeout: 90_000,
        interval: 100,
      })
      .toBe('held_for_review')
    const order = await h.orderOf(idempotencyKey)
    expect(order?.status).toBe('pending')
    expect(await h.paymentsOf(order!.id)).toEqual([])
    const description = await handle.describe()
    expect(description.typedSearchAttributes.get(ORDER_STATUS_ATTRIBUTE)).toBe('held_for_review')
    return order!
  }

  it('an ordinary order is screened, accepted and paid without waiting for anyone', async () => {
    const taskQueue = uniqueTaskQueue('fraud-low-risk')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = { ...checkoutInputFor(shopper, 'tok_visa'), clientIp: '198.51.100.20' }
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

    expect(result.status).toBe('paid')
    const order = await h.orderOf(input.idempotencyKey)
    expect(order?.status).toBe('paid')
    expect(await reviewOf(order!.id)).toMatchObject({
      status: 'accepted',
      score: 0,
      reasons: [],
      client_ip: '198.51.100.20',
    })
    // Nobody reviews it, so its stock was held no longer than any checkout's (not a day).
    expect(await reservationHoursLeft(input)).toBeLessThan(12)
  })

  it('a risky order is held uncharged until an administrator approves it, then paid', async () => {
    const taskQueue = uniqueTaskQueue('fraud-approve')
    const { variant, input } = await createRiskyCheckout(h.db, h.redis, 'tok_visa')
    const admin = await insertTestUser(h.db, 'admin')
    const worker = await h.worker(taskQueue)
    const { result, held } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      const order = await untilHeld(handle, input.idempotencyKey)
      const held = {
        review: await reviewOf(order.id),
        stock: await h.stockOf(variant.variantId),
        reservationHoursLeft: await reservationHoursLeft(input),
      }
      const decision: FraudReviewDecision = {
        decision: 'approve',
        adminId: admin.id,
        note: 'Called the customer.',
      }
      await handle.signal(fraudReviewSignal, decision)
      // A second, contrary decision comes too late: the first one is final.
      await handle.signal(fraudReviewSignal, { decision: 'reject', adminId: admin.id })
      return { result: await handle.result(), held }
    })

    expect(held.stock).toEqual({ onHand: 3, reserved: 2 })
    // A held order keeps its stock for as long as its review may take (24 hours by default).
    expect(held.reservationHoursLeft).toBeGreaterThan(24)
    expect(held.review.status).toBe('pending')
    expect(held.review.score).toBeGreaterThanOrEqual(55)
    expect(held.review.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['first_order_high_value', 'billing_shipping_mismatch']),
    )
    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual({
      status: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
    })
    expect(order?.status).toBe('paid')
    expect((await h.paymentsOf(order!.id)).map((p) => p.status)).toEqual(['captured'])
    expect(await h.stockOf(variant.variantId)).toEqual({ onHand: 1, reserved: 0 })
    expect(await reviewOf(order!.id)).toMatchObject({
      status: 'approved',
      decided_by: admin.id,
      decision_note: 'Called the customer.',
    })
  })

  it('a rejected order is cancelled with its stock released and nothing charged', async () => {
    const taskQueue = uniqueTaskQueue('fraud-reject')
    const { variant, input } = await createRiskyCheckout(h.db, h.redis, 'tok_visa')
    const admin = await insertTestUser(h.db, 'admin')
    const worker = await h.worker(taskQueue)
    const { result, progress } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      await untilHeld(handle, input.idempotencyKey)
      await handle.signal(fraudReviewSignal, {
        decision: 'reject',
        adminId: admin.id,
        note: 'Stolen card pattern.',
      })
      const result = await handle.result()
      return { result, progress: await handle.query(checkoutProgressQuery) }
    })

    const order = await h.orderOf(input.idempotencyKey)
    const failure = { code: 'fraud_review_rejected', message: REJECTED }
    expect(result).toEqual({
      status: 'cancelled',
      orderId: order!.id,
      orderNumber: Number(order!.number),
      failure,
    })
    expect(progress).toMatchObject({ stage: 'cancelled', paymentAttempts: 0, failure })
    expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'fraud_review_rejected' })
    expect(await h.paymentsOf(order!.id)).toEqual([])
    expect(await h.stockOf(variant.variantId)).toEqual({ onHand: 3, reserved: 0 })
    expect(await h.eventsOf(order!.id)).toEqual(['order.cancelled'])
    expect(await reviewOf(order!.id)).toMatchObject({
      status: 'rejected',
      decided_by: admin.id,
      decision_note: 'Stolen card pattern.',
    })
  })

  it('a held order nobody decides on is cancelled when the review times out, its stock released', async () => {
    const taskQueue = uniqueTaskQueue('fraud-timeout')
    const { variant, input } = await createRiskyCheckout(h.db, h.redis, 'tok_visa', {
      fraudReviewTimeoutMs: 2_000,
    })
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toMatchObject({
      status: 'cancelled',
      failure: { code: 'fraud_review_expired', message: EXPIRED },
    })
    expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'fraud_review_expired' })
    expect(await h.paymentsOf(order!.id)).toEqual([])
    expect(await h.stockOf(variant.variantId)).toEqual({ onHand: 3, reserved: 0 })
    expect(await reviewOf(order!.id)).toMatchObject({ status: 'expired', decided_by: null })
  })

  it('the shopper may cancel a held order; a later approval does not revive it', async () => {
    const taskQueue = uniqueTaskQueue('fraud-customer-cancel')
    const { variant, input } = await createRiskyCheckout(h.db, h.redis, 'tok_visa')
    const admin = await insertTestUser(h.db, 'admin')
    const worker = await h.worker(taskQueue)
    const { answer, result } = await worker.runUntil(async () => {
      const handle = await h.start(taskQueue, input)
      await untilHeld(handle, input.idempotencyKey)
      const answer = await handle.executeUpdate(cancelCheckoutUpdate, {
        args: [{ reason: 'Found it cheaper.' }],
      })
      await handle.signal(fraudReviewSignal, { decision: 'approve', adminId: admin.id })
      return { answer, result: await handle.result() }
    })

    expect(answer).toEqual({
      accepted: true,
      message: 'Your checkout has been cancelled; nothing was charged.',
    })
    expect(result).toMatchObject({
      status: 'cancelled',
      failure: { code: 'customer_cancelled', message: 'Found it cheaper.' },
    })
    const order = await h.orderOf(input.idempotencyKey)
    expect(await h.paymentsOf(order!.id)).toEqual([])
    expect(await h.stockOf(variant.variantId)).toEqual({ onHand: 3, reserved: 0 })
    expect((await reviewOf(order!.id)).status).toBe('cancelled')
  })
})
