import { randomUUID } from 'node:crypto'
import { insertTestOrder } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import type { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { errorOf, signIn } from '../testing/api-client'
import { createTestUser } from '../testing/users'
import {
  admissionKey,
  admissionTierOf,
  admitCheckout,
  type AdmissionTier,
  type CheckoutAdmissionSettings,
} from './checkout-admission'

describe('checkout admission under a load spike', () => {
  let api: RunningApi
  const namespace = `${randomUUID()}:`
  // No queue here: these tests are about each tier's share (the queue has its own test file).
  const settings = (capacity: number): CheckoutAdmissionSettings => ({
    capacity,
    holdMs: 60_000,
    namespace: `${randomUUID()}:`,
    queueLength: { loyal: 0, returning: 0, new: 0 },
    maxWaitMs: 0,
    pollMs: 50,
  })

  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig(),
      port: 0,
      rateLimitNamespace: namespace,
      checkoutAdmission: { capacity: 2, maxWaitMs: 0 },
    })
  }, 60_000)
  afterAll(async () => {
    await api?.close()
  })

  /** A customer with `paid` paid orders (and a cancelled one, which must not count). */
  async function customer(paid: number) {
    const user = await createTestUser(api.deps.db)
    for (let i = 0; i < paid; i++) await insertTestOrder(api.deps.db, user.id, { status: 'paid' })
    await insertTestOrder(api.deps.db, user.id, { status: 'cancelled' })
    return user
  }

  /** Tries to admit each tier in turn, all at once; returns who got in and the refusals. */
  async function burst(s: CheckoutAdmissionSettings, tiers: AdmissionTier[]) {
    const results = await Promise.allSettled(
      tiers.map((tier) => admitCheckout(api.deps.redis, s, tier)),
    )
    const admitted = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.tier] : []))
    const refusals = results.flatMap((r) =>
      r.status === 'rejected' ? [r.reason as TRPCError] : [],
    )
    return { admitted, refusals }
  }

  it('ranks customers by paid orders: 3+ loyal, 1–2 returning, none new (cancelled ones do not count)', async () => {
    const [loyal, returning, fresh] = await Promise.all([customer(3), customer(1), customer(0)])
    expect(await admissionTierOf(api.deps.db, loyal.id)).toBe('loyal')
    expect(await admissionTierOf(api.deps.db, returning.id)).toBe('returning')
    expect(await admissionTierOf(api.deps.db, fresh.id)).toBe('new')
  })

  it('a burst of new customers fills only their half of the capacity; the rest are told when to retry', async () => {
    const s = settings(6)
    const { admitted, refusals } = await burst(s, Array<AdmissionTier>(10).fill('new'))
    expect(admitted).toHaveLength(3)
    expect(refusals).toHaveLength(7)
    for (const refusal of refusals) {
      expect(refusal.code).toBe('TOO_MANY_REQUESTS')
      expect(refusal.message).toBe(
        'Checkout is very busy right now. Please try again in 5 s; your cart is kept.',
      )
      expect(refusal.cause).toMatchObject({ retryAfterSeconds: 5 })
    }
    expect(await api.deps.redis.zcard(admissionKey(s.namespace))).toBe(3)
  })

  it('loyal customers are admitted while new ones are shed, up to the full capacity', async () => {
    const s = settings(6)
    // New shoppers arrive first and take their share; loyal ones still get in after them.
    const first = await burst(s, Array<AdmissionTier>(5).fill('new'))
    expect(first.admitted).toHaveLength(3)
    const second = await burst(s, ['new', 'returning', 'loyal', 'loyal', 'loyal', 'new'])
    // 3 new + 1 returning + 2 loyal = the whole capacity: the third loyal one is shed too.
    expect(second.admitted.sort()).toEqual(['loyal', 'loyal', 'returning'])
    expect(
      second.refusals.map((r) => (r.cause as { retryAfterSeconds?: number }).retryAfterSeconds),
    ).toEqual([5, 1, 5])
  })

  it('a released slot is free again, and a slot of a crashed instance expires', async () => {
    const s = { ...settings(2), holdMs: 300 }
    const ticket = await admitCheckout(api.deps.redis, s, 'new')
    expect((await burst(s, ['new'])).admitted).toEqual([])
    await ticket.release()
    const again = await admitCheckout(api.deps.redis, s, 'new') // never released: "crashed"
    expect(again.tier).toBe('new')
    await expect
      .poll(async () => (await burst(s, ['new'])).admitted, { timeout: 5_000, interval: 100 })
      .toEqual(['new'])
  })

  it('orders.place sheds a new customer with TOO_MANY_REQUESTS and a retry hint, but lets a loyal one through', async () => {
    // Another instance's checkout is in flight: with capacity 2 that is a new customer's whole share.
    const held = await admitCheckout(api.deps.redis, api.deps.checkoutAdmission, 'loyal')
    try {
      const place = async (paid: number) => {
        const user = await customer(paid)
        const browser = await signIn(api.url, user.email, user.password)
        return errorOf(
          browser.client.orders.place.mutate(
            { shippingAddressId: randomUUID(), paymentMethodToken: 'pm_card_visa' },
            { context: { idempotencyKey: randomUUID() } },
          ),
        )
      }
      const shed = await place(0)
      expect(shed?.data?.code).toBe('TOO_MANY_REQUESTS')
      expect(shed?.data?.httpStatus).toBe(429)
      expect(shed?.data?.retryAfterSeconds).toBe(5)
      expect(shed?.message).toBe(
        'Checkout is very busy right now. Please try again in 5 s; your cart is kept.',
      )
      // Admitted: it gets as far as the checkout itself, which finds the cart empty.
      const loyal = await place(3)
      expect(loyal?.data?.code).toBe('BAD_REQUEST')
      expect(loyal?.message).toBe('Your cart is empty.')
      // The loyal customer's slot was released when the request ended.
      expect(await api.deps.redis.zcard(admissionKey(api.deps.checkoutAdmission.namespace))).toBe(1)
    } finally {
      await held.release()
    }
  })
})
