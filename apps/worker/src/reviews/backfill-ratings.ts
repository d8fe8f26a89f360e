import {
  countRatedEntities,
  productIdsPage,
  recomputeAllHelpfulCounts,
  recomputeProductRating,
  recomputeSellerRating,
  sellerIdsPage,
  type Db,
} from '@emporium/db'
import type { Redis } from '@emporium/infra'
import { PRODUCT_AGGREGATE, SEARCH_EVENTS_STREAM } from '../outbox'

const PAGE = 200
const SEARCH_STREAM_MAX_LENGTH = 100_000

export interface BackfillResult {
  products: number
  changedProducts: number
  sellers: number
}

/** Asks the search indexer to reload a product whose rating changed (same stream entries as catalog events). */
async function notifySearch(redis: Redis, productId: string): Promise<void> {
  await redis.xadd(
    SEARCH_EVENTS_STREAM,
    'MAXLEN',
    '~',
    SEARCH_STREAM_MAX_LENGTH,
    '*',
    'eventId',
    `ratings-backfill-${productId}`,
    'type',
    'product.rating_recomputed',
    'aggregateType',
    PRODUCT_AGGREGATE,
    'aggregateId',
    productId,
    'payload',
    JSON.stringify({ productId }),
    'occurredAt',
    new Date().toISOString(),
  )
}

/**
 * Recomputes helpful counts, then every product's and seller's rating aggregates from the source
 * rows, page by page; products whose star counts changed are sent to the search indexer. Safe to
 * run while the relay works: both recompute, neither increments.
 */
export async function backfillRatings(
  db: Db,
  redis: Redis,
  onProgress: (p: { done: number; total: number }) => void = () => undefined,
): Promise<BackfillResult> {
  const counts = await countRatedEntities(db)
  const total = counts.products + counts.sellers
  let done = 0
  let changedProducts = 0
  let products = 0
  let sellers = 0
  onProgress({ done, total })
  await recomputeAllHelpfulCounts(db)
  let after: string | undefined
  for (;;) {
    const ids = await productIdsPage(db, after, PAGE)
    if (ids.length === 0) break
    for (const id of ids) {
      if (await recomputeProductRating(db, id)) {
        changedProducts += 1
        await notifySearch(redis, id)
      }
      products += 1
      onProgress({ done: ++done, total: Math.max(total, done) })
    }
    after = ids.at(-1)
  }
  after = undefined
  for (;;) {
    const ids = await sellerIdsPage(db, after, PAGE)
    if (ids.length === 0) break
    for (const id of ids) {
      await recomputeSellerRating(db, id)
      sellers += 1
      onProgress({ done: ++done, total: Math.max(total, done) })
    }
    after = ids.at(-1)
  }
  return { products, changedProducts, sellers }
}
