import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Database } from '@emporium/db'
import type { Redis } from '@emporium/infra'
import { TRPCError } from '@trpc/server'
import type { Kysely } from 'kysely'

/** Priority tiers of checkout admission: loyal customers keep getting in when new ones are shed. */
export type AdmissionTier = 'loyal' | 'returning' | 'new'

/** How many checkout starts may be in flight across every API instance, and who gets which share. */
export interface CheckoutAdmissionSettings {
  /** In-flight `orders.place` requests allowed at once across all instances. */
  capacity: number
  /** A slot whose instance died is freed after this long. */
  holdMs: number
  /** Separates deployments (and tests) sharing one Redis. */
  namespace: string
}

export const DEFAULT_CHECKOUT_ADMISSION: CheckoutAdmissionSettings = {
  capacity: 200,
  holdMs: 30_000,
  namespace: '',
}

/** Share of the capacity each tier may fill; a tier is shed once in-flight work reaches its share. */
const TIER_SHARE: Record<AdmissionTier, number> = { loyal: 1, returning: 0.75, new: 0.5 }
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

/**
 * Atomically drops expired slots, then takes one if fewer than the tier's limit are in flight.
 * Uses the Redis clock so every instance agrees on expiry. Returns [admitted (0/1), in flight].
 */
const ADMIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local inFlight = redis.call('ZCARD', KEYS[1])
if inFlight >= tonumber(ARGV[1]) then return {0, inFlight} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return {1, inFlight + 1}
`

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

/**
 * Admits a checkout start or sheds it at once with TOO_MANY_REQUESTS and `retryAfterSeconds`,
 * so a spike is answered with "try again in N s" instead of requests piling up until they time out.
 */
export async function admitCheckout(
  redis: Redis,
  settings: CheckoutAdmissionSettings,
  tier: AdmissionTier,
): Promise<AdmissionTicket> {
  const key = admissionKey(settings.namespace)
  const id = randomUUID()
  const [admitted] = (await redis.eval(
    ADMIT_SCRIPT,
    1,
    key,
    tierLimit(tier, settings.capacity),
    settings.holdMs,
    id,
  )) as [number, number]
  if (admitted !== 1) {
    const retryAfterSeconds = TIER_RETRY_AFTER_S[tier]
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Checkout is very busy right now. Please try again in ${retryAfterSeconds} s; your cart is kept.`,
      cause: { retryAfterSeconds },
    })
  }
  let released = false
  return {
    tier,
    release: async () => {
      if (released) return
      released = true
      await redis.zrem(key, id)
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
