import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { TRPCError } from '@trpc/server'
import type { Redis } from '@emporium/infra'

/** One limit: at most `points` calls per `durationS` seconds per key. */
export interface Limit {
  points: number
  durationS: number
}

/** Every limit of the API, per IP and per account; overridable (tests use small ones). */
export interface RateLimitSettings {
  publicPerIp: Limit
  loginPerIp: Limit
  loginPerAccount: Limit
  registerPerIp: Limit
  resetPerIp: Limit
  resetPerAccount: Limit
  searchPerIp: Limit
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  publicPerIp: { points: 600, durationS: 60 },
  loginPerIp: { points: 30, durationS: 60 },
  loginPerAccount: { points: 10, durationS: 15 * 60 },
  registerPerIp: { points: 10, durationS: 3600 },
  resetPerIp: { points: 10, durationS: 3600 },
  resetPerAccount: { points: 3, durationS: 3600 },
  searchPerIp: { points: 120, durationS: 60 },
}

export type RateLimiterName = keyof RateLimitSettings
export type RateLimiters = Record<RateLimiterName, RateLimiterRedis>

/**
 * Redis-backed limiters (rate-limiter-flexible), shared by every API instance.
 * `namespace` separates independent deployments sharing one Redis (and tests from each other).
 */
export function createRateLimiters(
  redis: Redis,
  settings: RateLimitSettings = DEFAULT_RATE_LIMITS,
  namespace = '',
): RateLimiters {
  const entries = (Object.entries(settings) as [RateLimiterName, Limit][]).map(([name, limit]) => [
    name,
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `rl:${namespace}${name}`,
      points: limit.points,
      duration: limit.durationS,
      // While Redis is unreachable each instance keeps limiting on its own instead of failing every call.
      insuranceLimiter: new RateLimiterMemory({
        keyPrefix: `rl:${namespace}${name}`,
        points: limit.points,
        duration: limit.durationS,
      }),
    }),
  ])
  return Object.fromEntries(entries) as RateLimiters
}

/** Spends one point for `key`; throws TOO_MANY_REQUESTS saying when to retry once the limit is reached. */
export async function consumeOrThrow(
  limiter: RateLimiterRedis,
  key: string,
  what: string,
): Promise<void> {
  try {
    await limiter.consume(key)
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `Too many ${what}. Try again in ${seconds} s.`,
        cause: { retryAfterSeconds: seconds },
      })
    }
    throw error
  }
}
