import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Redis } from '@emporium/infra'
import { TRPCError } from '@trpc/server'

// Deletes the lock only if this holder still owns it (it may have expired and passed on).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`
const LEASE_MS = 10_000
const WAIT_STEP_MS = 20
const MAX_WAITS = 250

/**
 * Runs `fn` while holding a short Redis lease on one cart, so two tabs changing the same cart at
 * once cannot lose each other's change (each cart change is a read, then a write).
 */
export async function withCartLock<T>(
  redis: Redis,
  cartId: string,
  fn: () => Promise<T>,
): Promise<T> {
  const key = `cart-lock:${cartId}`
  const token = randomUUID()
  for (let waits = 0; (await redis.set(key, token, 'PX', LEASE_MS, 'NX')) !== 'OK'; waits++) {
    if (waits >= MAX_WAITS) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Your cart is busy with another change; try again in a moment.',
      })
    }
    await sleep(WAIT_STEP_MS)
  }
  try {
    return await fn()
  } finally {
    await redis.eval(RELEASE, 1, key, token)
  }
}
