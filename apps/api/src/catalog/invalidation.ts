import type { Redis } from '@emporium/infra'
import { ancestorPaths } from '@emporium/domain/catalog'
import {
  ALL_CATEGORIES,
  INVALIDATION_CHANNEL,
  KEY_PREFIX,
  type InvalidationMessage,
} from './cache-keys'

/**
 * Makes a product's cached page and the listings of its categories (and their ancestors)
 * unreachable in Redis, then tells every API instance to drop its local copies.
 */
export async function publishProductInvalidation(
  redis: Redis,
  productId: string,
  categoryPaths: readonly string[],
): Promise<void> {
  const paths = [...new Set([ALL_CATEGORIES, ...categoryPaths.flatMap(ancestorPaths)])]
  const multi = redis.multi().incr(`${KEY_PREFIX}wseq`).incr(`${KEY_PREFIX}pgen:${productId}`)
  for (const path of paths) multi.incr(`${KEY_PREFIX}lgen:${path}`)
  await multi.exec()
  const message: InvalidationMessage = { productId, paths }
  await redis.publish(INVALIDATION_CHANNEL, JSON.stringify(message))
}

/** Drops the cached category tree and the listings of `paths` (and ancestors) everywhere. */
export async function publishCategoryInvalidation(
  redis: Redis,
  categoryPaths: readonly string[],
): Promise<void> {
  const paths = [...new Set([ALL_CATEGORIES, ...categoryPaths.flatMap(ancestorPaths)])]
  const multi = redis.multi().incr(`${KEY_PREFIX}wseq`).del(`${KEY_PREFIX}tree`)
  for (const path of paths) multi.incr(`${KEY_PREFIX}lgen:${path}`)
  await multi.exec()
  const message: InvalidationMessage = { paths, tree: true }
  await redis.publish(INVALIDATION_CHANNEL, JSON.stringify(message))
}

/**
 * Parses an invalidation message; null for anything else on the channel. The worker's outbox relay
 * sends `{ productId }` alone (it knows no category paths): that drops the product's local copies.
 */
export function parseInvalidation(text: string): InvalidationMessage | null {
  try {
    const value = JSON.parse(text) as Partial<InvalidationMessage>
    const paths = value.paths ?? []
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) return null
    if (value.productId !== undefined && typeof value.productId !== 'string') return null
    if (value.productId === undefined && value.paths === undefined) return null
    return { productId: value.productId, paths, tree: value.tree === true }
  } catch {
    return null
  }
}
