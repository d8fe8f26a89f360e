import { InvalidArgumentError } from '../errors'
import type { Algorithm } from './recommender'

/** FNV-1a 32-bit hash of a string's UTF-16 code units, finished with a murmur3 mix for well-spread low bits. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/**
 * Deterministically buckets a user into one of `variants` for an experiment, with probability proportional
 * to `weights` (equal when omitted); the experiment name salts the hash so experiments are independent.
 */
export function assignBucket<V extends string>(
  userId: string,
  experiment: string,
  variants: readonly V[],
  weights?: readonly number[],
): V {
  const shares = weights ?? variants.map(() => 1)
  if (variants.length === 0)
    throw new InvalidArgumentError('An experiment needs at least one variant')
  if (shares.length !== variants.length)
    throw new InvalidArgumentError('Give one weight per variant')
  if (shares.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new InvalidArgumentError('Weights must be finite and >= 0')
  const total = shares.reduce((sum, w) => sum + w, 0)
  if (!(total > 0)) throw new InvalidArgumentError('Weights must not all be zero')
  const point = (hash32(`${experiment}\u0000${userId}`) / 2 ** 32) * total
  let cumulative = 0
  for (let i = 0; i < variants.length; i += 1) {
    cumulative += shares[i] ?? 0
    if (point < cumulative && (shares[i] ?? 0) > 0) return variants[i] as V
  }
  // Floating-point rounding can leave the point at the very top: the last weighted variant takes it.
  const last = shares.findLastIndex((w) => w > 0)
  return variants[last] as V
}

/** One recommendation impression or click, recorded with the algorithm that served it. */
export interface RecommendationEvent {
  type: 'impression' | 'click'
  userId: string
  experiment: string
  variant: string
  algorithm: Algorithm
  itemId: string
  /** 0-based slot in the served list. */
  position: number
  /** ISO-8601 time, passed in by the caller. */
  at: string
}

/** The impression events of one served list, one per item, each carrying variant and algorithm. */
export function impressionEvents(
  served: {
    userId: string
    experiment: string
    variant: string
    algorithm: Algorithm
    itemIds: readonly string[]
  },
  at: string,
): RecommendationEvent[] {
  return served.itemIds.map((itemId, position) => ({
    type: 'impression',
    userId: served.userId,
    experiment: served.experiment,
    variant: served.variant,
    algorithm: served.algorithm,
    itemId,
    position,
    at,
  }))
}

/** A click on an impression: same user, variant and algorithm, so clicks attribute to what was served. */
export function clickEvent(impression: RecommendationEvent, at: string): RecommendationEvent {
  return { ...impression, type: 'click', at }
}
