import { randomUUID } from 'node:crypto'
import { insertTestOrder } from '@emporium/db/testing'
import { createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import type { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { signIn } from '../testing/api-client'
import { createTestUser } from '../testing/users'
import {
  admissionHoldKey,
  admissionKey,
  admissionQueueKey,
  admitCheckout,
  type AdmissionTicket,
  type AdmissionTier,
  type CheckoutAdmissionSettings,
} from './checkout-admission'

/** A request's fate, as its caller sees it. */
interface Outcome {
  label: string
  ticket?: AdmissionTicket
  error?: TRPCError
  waitedMs: number
}

describe('checkout admission queue under a spike (real Redis)', () => {
  let redis: Redis
  const settings = (overrides: Partial<CheckoutAdmissionSettings>): CheckoutAdmissionSettings => ({
    capacity: 4,
    holdMs: 60_000,
    namespace: `${randomUUID()}:`,
    queueLength: { loyal: 10, returning: 10, new: 10 },
    maxWaitMs: 20_000,
    pollMs: 50,
    ...overrides,
  })

  beforeAll(() => {
    redis = createRedis(testConfig())
  })
  afterAll(async () => {
    await redis?.quit()
  })

  /** Starts an admission and records how it ends, in the order outcomes arrive. */
  function request(
    s: CheckoutAdmissionSettings,
    tier: AdmissionTier,
    label: string,
    log: Outcome[],
  ) {
    const started = Date.now()
    return admitCheckout(redis, s, tier).then(
      (ticket) => void log.push({ label, ticket, waitedMs: Date.now() - started }),
      (error: TRPCError) => void log.push({ label, error, waitedMs: Date.now() - started }),
    )
  }
  const queued = (s: CheckoutAdmissionSettings) => redis.zcard(admissionQueueKey(s.namespace))
  const inFlight = (s: CheckoutAdmissionSettings) => redis.zcard(admissionKey(s.namespace))
  const labels = (log: Outcome[]) => log.map((o) => o.label)
  /** Gives waiters time to act on a freed slot (they are woken at once; this is for a wrong admission to show). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

  it('queued requests are admitted as slots free, loyal ones before new ones that arrived earlier, each within its share', async () => {
    const s = settings({ capacity: 4 }) // shares: loyal 4, returning 3, new 2
    const holders = await Promise.all([0, 1, 2, 3].map(() => admitCheckout(redis, s, 'loyal')))
    const log: Outcome[] = []
    const waiting: Promise<void>[] = []
    for (const label of ['new-1', 'new-2', 'new-3']) {
      waiting.push(request(s, 'new', label, log))
      await expect.poll(() => queued(s)).toBe(waiting.length)
    }
    waiting.push(request(s, 'returning', 'returning-1', log))
    waiting.push(request(s, 'loyal', 'loyal-1', log))
    await expect.poll(() => queued(s)).toBe(5)
    expect(log).toEqual([]) // the spike waits instead of being refused

    // One slot frees: the loyal customer gets it although three new ones arrived before.
    await holders[0]!.release()
    await expect.poll(() => labels(log)).toEqual(['loyal-1'])
    // With 3 in flight the returning customers' share (3) and the new ones' (2) are in use: all wait.
    await holders[1]!.release()
    await settle()
    expect(labels(log)).toEqual(['loyal-1'])
    await holders[2]!.release()
    await expect.poll(() => labels(log)).toEqual(['loyal-1', 'returning-1'])
    // 2 in flight is still the new customers' whole share.
    await holders[3]!.release()
    await settle()
    expect(labels(log)).toEqual(['loyal-1', 'returning-1'])
    expect(await queued(s)).toBe(3)
    // Below their share, new customers get in in arrival order, one freed slot each.
    await log[0]!.ticket!.release()
    await expect.poll(() => labels(log)).toEqual(['loyal-1', 'returning-1', 'new-1'])
    await log[1]!.ticket!.release()
    await expect.poll(() => labels(log)).toEqual(['loyal-1', 'returning-1', 'new-1', 'new-2'])
    expect(await inFlight(s)).toBe(2)
    await log[2]!.ticket!.release()
    await Promise.all(waiting)
    expect(labels(log)).toEqual(['loyal-1', 'returning-1', 'new-1', 'new-2', 'new-3'])
    expect(log.every((o) => o.ticket && !o.error)).toBe(true)
    expect(await queued(s)).toBe(0)
    await Promise.all(log.map((o) => o.ticket!.release()))
  })

  it("a full tier queue sheds at once with a retry hint, while other tiers' room is untouched", async () => {
    const s = settings({ capacity: 2, queueLength: { loyal: 1, returning: 1, new: 2 } })
    const holders = await Promise.all([0, 1].map(() => admitCheckout(redis, s, 'loyal')))
    const log: Outcome[] = []
    const waiting = ['new-1', 'new-2', 'new-3', 'new-4'].map((label) =>
      request(s, 'new', label, log),
    )
    // Two wait (the new tier's queue length); the other two are refused without waiting.
    await expect.poll(() => log.length).toBe(2)
    expect(await queued(s)).toBe(2)
    for (const refused of log) {
      expect(refused.error?.code).toBe('TOO_MANY_REQUESTS')
      expect(refused.error?.message).toBe(
        'Checkout is very busy right now. Please try again in 5 s; your cart is kept.',
      )
      expect(refused.error?.cause).toMatchObject({ retryAfterSeconds: 5 })
      expect(refused.waitedMs).toBeLessThan(s.maxWaitMs)
    }
    // A loyal customer still finds room in the loyal queue, and a returning one in theirs.
    const loyal = admitCheckout(redis, s, 'loyal')
    const returning = admitCheckout(redis, s, 'returning')
    await expect.poll(() => queued(s)).toBe(4)
    // As slots free, each goes to the best-placed waiter: loyal, returning, then the new ones.
    await Promise.all(holders.map((h) => h.release()))
    await (await loyal).release()
    await (await returning).release()
    await expect.poll(() => log.filter((o) => o.ticket).length).toBe(1)
    await log.find((o) => o.ticket)!.ticket!.release()
    await Promise.all(waiting)
    expect(log.filter((o) => o.ticket).map((o) => o.label)).toEqual(['new-1', 'new-2'])
    await Promise.all(log.flatMap((o) => (o.ticket ? [o.ticket.release()] : [])))
  })

  it('a request whose expected wait is beyond the bound is shed at once instead of queueing to time out', async () => {
    const s = settings({ capacity: 1, maxWaitMs: 1_000 })
    // Two checkouts held about 250 ms each teach the average hold time.
    for (let i = 0; i < 2; i++) {
      const ticket = await admitCheckout(redis, s, 'loyal')
      await new Promise((resolve) => setTimeout(resolve, 250))
      await ticket.release()
    }
    const averageHold = Number(await redis.get(admissionHoldKey(s.namespace)))
    expect(averageHold).toBeGreaterThanOrEqual(250)
    expect(averageHold).toBeLessThan(1_000)
    // With one slot, the n-th waiter expects n average holds: those within 1 s queue, the next is shed.
    const fit = Math.floor(s.maxWaitMs / averageHold)
    const holder = await admitCheckout(redis, s, 'loyal')
    const log: Outcome[] = []
    const waiting: Promise<void>[] = []
    for (let i = 1; i <= fit + 1; i++) {
      waiting.push(request(s, 'loyal', `loyal-${String(i)}`, log))
      if (i <= fit) await expect.poll(() => queued(s)).toBe(i)
    }
    await expect.poll(() => labels(log)).toEqual([`loyal-${String(fit + 1)}`])
    expect(log[0]!.error?.code).toBe('TOO_MANY_REQUESTS')
    expect(log[0]!.waitedMs).toBeLessThan(s.maxWaitMs)
    expect(await queued(s)).toBe(fit)
    await holder.release()
    await Promise.all(waiting)
  })

  it('no request waits longer than the bound: when no slot frees, every waiter is shed at its deadline', async () => {
    const s = settings({ capacity: 1, maxWaitMs: 400 })
    const holder = await admitCheckout(redis, s, 'loyal')
    const log: Outcome[] = []
    await Promise.all(
      (['loyal', 'returning', 'new', 'new'] as const).map((tier, i) =>
        request(s, tier, `${tier}-${String(i)}`, log),
      ),
    )
    expect(log).toHaveLength(4)
    for (const outcome of log) {
      expect(outcome.error?.code).toBe('TOO_MANY_REQUESTS')
      expect(outcome.waitedMs).toBeGreaterThanOrEqual(400)
      // The bound plus one Redis round trip and a scheduling slice of a busy machine.
      expect(outcome.waitedMs).toBeLessThan(400 + 1_000)
    }
    expect(
      log
        .map((o) => (o.error?.cause as unknown as { retryAfterSeconds: number }).retryAfterSeconds)
        .sort(),
    ).toEqual([1, 2, 5, 5])
    expect(await queued(s)).toBe(0) // they left the queue
    await holder.release()
  })

  it("a crashed instance's slot is reclaimed after holdMs and goes to the first in the queue", async () => {
    const s = settings({ capacity: 1, holdMs: 500, maxWaitMs: 10_000 })
    await admitCheckout(redis, s, 'loyal') // never released: its instance "crashed"
    const log: Outcome[] = []
    const waiting = request(s, 'loyal', 'loyal-1', log)
    await expect.poll(() => queued(s)).toBe(1)
    await waiting
    expect(log[0]?.ticket?.tier).toBe('loyal')
    expect(log[0]!.waitedMs).toBeLessThan(s.maxWaitMs)
    await log[0]!.ticket!.release()
  })

  it('a crashed waiter leaves the queue at its deadline instead of blocking those behind it', async () => {
    const s = settings({
      capacity: 1,
      maxWaitMs: 300,
      queueLength: { loyal: 1, returning: 1, new: 1 },
    })
    const holder = await admitCheckout(redis, s, 'loyal')
    // Another instance queued a new customer and died: its entry stays until the deadline passes.
    const ghost = redis.duplicate()
    const ghostWait = admitCheckout(ghost, s, 'new').catch((error: unknown) => error)
    await expect.poll(() => queued(s)).toBe(1)
    ghost.disconnect()
    await ghostWait
    // The queue for new customers is full until then…
    const log: Outcome[] = []
    await request(s, 'new', 'too-early', log)
    // …after which a new customer can wait in it again.
    await new Promise((resolve) => setTimeout(resolve, 400))
    const later = request(s, 'new', 'later', log)
    await expect.poll(() => queued(s)).toBe(1)
    await holder.release()
    await later
    expect(log.map((o) => [o.label, o.ticket ? 'admitted' : o.error?.code])).toEqual([
      ['too-early', 'TOO_MANY_REQUESTS'],
      ['later', 'admitted'],
    ])
    await log[1]!.ticket!.release()
  })
})

describe('orders.place under a spike', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig(),
      port: 0,
      rateLimitNamespace: `${randomUUID()}:`,
      checkoutAdmission: {
        capacity: 2,
        queueLength: { loyal: 5, returning: 5, new: 0 },
        maxWaitMs: 10_000,
      },
    })
  }, 60_000)
  afterAll(async () => {
    await api?.close()
  })

  /** A signed-in customer with `paid` paid orders, and how they post orders.place (raw HTTP response). */
  async function shopper(paid: number) {
    const user = await createTestUser(api.deps.db)
    for (let i = 0; i < paid; i++) await insertTestOrder(api.deps.db, user.id, { status: 'paid' })
    const browser = await signIn(api.url, user.email, user.password)
    const cookie = [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; ')
    return () =>
      fetch(`${api.url}/trpc/orders.place`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://127.0.0.1:5173',
          cookie,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          shippingAddressId: randomUUID(),
          paymentMethodToken: 'pm_card_visa',
        }),
      })
  }

  it('a loyal customer waits for the slot and gets through; a new one is shed at once with Retry-After', async () => {
    const s = api.deps.checkoutAdmission
    const [newcomer, regular] = await Promise.all([shopper(0), shopper(3)])
    const holders = await Promise.all([0, 1].map(() => admitCheckout(api.deps.redis, s, 'loyal')))
    try {
      const shed = await newcomer()
      expect(shed.status).toBe(429)
      expect(shed.headers.get('retry-after')).toBe('5')
      const body = (await shed.json()) as { error: { message: string } }
      expect(body.error.message).toBe(
        'Checkout is very busy right now. Please try again in 5 s; your cart is kept.',
      )

      const loyal = regular()
      await expect
        .poll(() => api.deps.redis.zcard(admissionQueueKey(s.namespace)), { timeout: 10_000 })
        .toBe(1)
      await holders[0]!.release()
      // Admitted: it gets as far as the checkout itself, which finds the cart empty.
      const response = await loyal
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'Your cart is empty.',
      )
    } finally {
      await Promise.all(holders.map((h) => h.release()))
    }
  })
})
