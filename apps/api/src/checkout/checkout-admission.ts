import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { Database } from '@emporium/db'
import type { Redis } from '@emporium/infra'
import { TRPCError } from '@trpc/server'
import type { Kysely } from 'kysely'
import { ADMISSION_SCRIPT, RELEASE_SCRIPT } from './checkout-admission-script'

/** Priority tiers of checkout admission: loyal customers keep getting in when new ones are shed. */
export type AdmissionTier = 'loyal' | 'returning' | 'new'

/** How many checkout starts may be in flight across every API instance, and who waits how long. */
export interface CheckoutAdmissionSettings {
  /** In-flight `orders.place` requests allowed at once across all instances. */
  capacity: number
  /** A slot whose instance died is freed after this long. */
  holdMs: number
  /** Separates deployments (and tests) sharing one Redis. */
  namespace: string
  /** How many requests of each tier may wait for a slot at once, across all instances; beyond that they are shed. */
  queueLength: Record<AdmissionTier, number>
  /** The longest a request waits for a slot before it is shed (0 = never wait). */
  maxWaitMs: number
  /** How often a waiting request looks for a slot freed on another instance (this instance's wake it at once). */
  pollMs: number
}

export const DEFAULT_CHECKOUT_ADMISSION: CheckoutAdmissionSettings = {
  capacity: 200,
  holdMs: 30_000,
  namespace: '',
  queueLength: { loyal: 100, returning: 50, new: 25 },
  maxWaitMs: 2_000,
  pollMs: 100,
}

/** Share of the capacity each tier may fill; a tier waits (or is shed) once in-flight work reaches its share. */
const TIER_SHARE: Record<AdmissionTier, number> = { loyal: 1, returning: 0.75, new: 0.5 }
/** Queue order: a lower rank is admitted first. */
const TIER_RANK: Record<AdmissionTier, number> = { loyal: 0, returning: 1, new: 2 }
/** The wait suggested to a shed shopper: lower tiers are asked to wait longer, which spreads the retries. */
const TIER_RETRY_AFTER_S: Record<AdmissionTier, number> = { loyal: 1, returning: 2, new: 5 }
/** Paid orders that make a customer loyal / returning. */
const LOYAL_PAID_ORDERS = 3

const PAID_STATUSES = [
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'partially_refunded',
  'refunded',
] as const

/** A slot held for one checkout start; `release` frees it (safe to call twice). */
export interface AdmissionTicket {
  tier: AdmissionTier
  release: () => Promise<void>
}

/** The tier of a customer, from their count of paid orders. */
export async function admissionTierOf(
  db: Kysely<Database>,
  userId: string,
): Promise<AdmissionTier> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<string>().as('paid'))
    .where('user_id', '=', userId)
    .where('status', 'in', PAID_STATUSES)
    .executeTakeFirstOrThrow()
  const paid = Number(row.paid)
  return paid >= LOYAL_PAID_ORDERS ? 'loyal' : paid >= 1 ? 'returning' : 'new'
}

/** The Redis sorted set of in-flight checkout starts (member = ticket id, score = expiry ms). */
export const admissionKey = (namespace: string) => `checkout-admission:${namespace}in-flight`

/** The most a tier may have in flight: its share of the capacity, at least one slot. */
export const tierLimit = (tier: AdmissionTier, capacity: number) =>
  Math.max(1, Math.floor(capacity * TIER_SHARE[tier]))

/** The Redis sorted set of requests waiting for a slot (member = ticket id, score = priority, then arrival). */
export const admissionQueueKey = (namespace: string) => `checkout-admission:${namespace}queue`
/** When each waiting request gives up (member = ticket id, score = deadline ms): a crashed waiter leaves the queue. */
const admissionDeadlinesKey = (namespace: string) =>
  `checkout-admission:${namespace}queue-deadlines`
/** Numbers arrivals, so the queue keeps their order exactly. */
const admissionArrivalsKey = (namespace: string) => `checkout-admission:${namespace}arrivals`
/** How long a slot is held on average (ms), from released slots: the basis of an expected wait. */
export const admissionHoldKey = (namespace: string) =>
  `checkout-admission:${namespace}average-hold-ms`

/** Wakes this process's waiters when one of its slots is freed (other instances' are found by polling). */
const slotFreed = new EventEmitter().setMaxListeners(0)

/** Resolves when a slot under `key` is freed in this process, or after `ms`. */
function nextChance(key: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      slotFreed.off(key, done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    slotFreed.once(key, done)
  })
}

function shed(tier: AdmissionTier): TRPCError {
  const retryAfterSeconds = TIER_RETRY_AFTER_S[tier]
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Checkout is very busy right now. Please try again in ${retryAfterSeconds} s; your cart is kept.`,
    cause: { retryAfterSeconds },
  })
}

/**
 * Admits a checkout start. When its tier's share of the capacity is in use, the request waits in a
 * bounded priority queue (loyal before returning before new, then by arrival) and is admitted as
 * slots free up, across all instances. When its tier's queue is full or its expected wait (from
 * the average time a slot is held) is beyond `maxWaitMs` it is shed at once, and when it has
 * waited `maxWaitMs` it is shed then: TOO_MANY_REQUESTS with `retryAfterSeconds` ("try again in
 * N s") instead of piling up until it times out.
 */
export async function admitCheckout(
  redis: Redis,
  settings: CheckoutAdmissionSettings,
  tier: AdmissionTier,
): Promise<AdmissionTicket> {
  const key = admissionKey(settings.namespace)
  const queueKey = admissionQueueKey(settings.namespace)
  const deadlinesKey = admissionDeadlinesKey(settings.namespace)
  const id = randomUUID()
  const attempt = async (mode: 'enter' | 'wait') => {
    const [outcome] = (await redis.eval(
      ADMISSION_SCRIPT,
      5,
      key,
      queueKey,
      deadlinesKey,
      admissionArrivalsKey(settings.namespace),
      admissionHoldKey(settings.namespace),
      id,
      mode,
      TIER_RANK[tier],
      tierLimit(tier, settings.capacity),
      settings.queueLength[tier],
      settings.holdMs,
      settings.maxWaitMs,
    )) as [number, number]
    return outcome
  }
  const giveUpAt = Date.now() + settings.maxWaitMs
  let outcome = await attempt('enter')
  while (outcome === 0) {
    const left = giveUpAt - Date.now()
    if (left <= 0) {
      await redis.multi().zrem(queueKey, id).zrem(deadlinesKey, id).exec()
      slotFreed.emit(key) // those queued behind may now fit
      throw shed(tier)
    }
    // Jitter spreads the polls of many waiters.
    await nextChance(key, Math.min(left, settings.pollMs * (0.5 + Math.random())))
    outcome = await attempt('wait')
  }
  if (outcome !== 1) throw shed(tier)
  let released = false
  return {
    tier,
    release: async () => {
      if (released) return
      released = true
      await redis.eval(
        RELEASE_SCRIPT,
        2,
        key,
        admissionHoldKey(settings.namespace),
        id,
        settings.holdMs,
      )
      slotFreed.emit(key)
    },
  }
}

/** Runs `work` inside an admission slot for `userId`'s tier, freeing the slot however it ends. */
export async function withCheckoutAdmission<T>(
  ctx: {
    db: Kysely<Database>
    redis: Redis
    checkoutAdmission: CheckoutAdmissionSettings
    res?: ServerResponse | undefined
  },
  userId: string,
  work: () => Promise<T>,
): Promise<T> {
  const tier = await admissionTierOf(ctx.db, userId)
  let ticket: AdmissionTicket
  try {
    ticket = await admitCheckout(ctx.redis, ctx.checkoutAdmission, tier)
  } catch (error) {
    // The standard header too, for HTTP clients and proxies that honour it.
    if (error instanceof TRPCError && ctx.res && !ctx.res.headersSent)
      ctx.res.setHeader('retry-after', String(TIER_RETRY_AFTER_S[tier]))
    throw error
  }
  try {
    return await work()
  } finally {
    await ticket.release()
  }
}
