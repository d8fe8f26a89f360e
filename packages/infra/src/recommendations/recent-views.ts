import type { Redis } from '../redis'

/** How many recent views are kept per shopper, and for how long without a new one. */
const RECENT_VIEWS = 20
const RECENT_VIEWS_TTL_S = 30 * 24 * 3600
const key = (userId: string) => `recs:recent-views:${userId}`

/** Puts a product at the front of the shopper's recently viewed list (once: an earlier view moves up). */
export async function pushRecentView(
  redis: Redis,
  userId: string,
  productId: string,
): Promise<void> {
  await redis
    .multi()
    .lrem(key(userId), 0, productId)
    .lpush(key(userId), productId)
    .ltrim(key(userId), 0, RECENT_VIEWS - 1)
    .expire(key(userId), RECENT_VIEWS_TTL_S)
    .exec()
}

/** The shopper's recently viewed product ids, newest first. */
export async function recentViews(redis: Redis, userId: string, count = 5): Promise<string[]> {
  return redis.lrange(key(userId), 0, count - 1)
}
