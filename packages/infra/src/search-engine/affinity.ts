import type { Redis } from '../redis'
import type { Personalization } from './types'

/** Affinity weight of each shopper signal. */
export const AFFINITY_WEIGHTS = { view: 1, cartAdd: 3, purchase: 5 } as const

/** Affinities older than this many days of inactivity are forgotten. */
const AFFINITY_TTL_S = 90 * 24 * 3600
const key = (userId: string) => `affinity:${userId}`

/** Adds `weight` to the shopper's affinity for the product's category (and its ancestors' path) and brand. */
export async function recordAffinity(
  redis: Redis,
  userId: string,
  signal: { categoryPath: string | null; brand: string | null },
  weight: number,
): Promise<void> {
  const k = key(userId)
  const tx = redis.multi()
  if (signal.categoryPath) tx.zincrby(k, weight, `c:${signal.categoryPath}`)
  if (signal.brand) tx.zincrby(k, weight, `b:${signal.brand}`)
  tx.expire(k, AFFINITY_TTL_S)
  await tx.exec()
}

/** The shopper's strongest affinities, each divided by the strongest so weights fall in 0..1; undefined when none. */
export async function loadPersonalization(
  redis: Redis,
  userId: string,
  top = 20,
): Promise<Personalization | undefined> {
  const flat = await redis.zrevrange(key(userId), 0, top - 1, 'WITHSCORES')
  const max = Number(flat[1] ?? 0)
  if (max <= 0) return undefined
  const out: Personalization = { categoryAffinity: {}, brandAffinity: {} }
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const member = flat[i] ?? ''
    const weight = Number(flat[i + 1]) / max
    if (member.startsWith('c:')) out.categoryAffinity[member.slice(2)] = weight
    else if (member.startsWith('b:')) out.brandAffinity[member.slice(2)] = weight
  }
  return out
}
