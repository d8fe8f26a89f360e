import {
  recomputeHelpfulCount,
  recomputeProductRating,
  recomputeSellerRating,
  REVIEW_AGGREGATE,
  SELLER_RATING_AGGREGATE,
  type Db,
  type OutboxEvent,
} from '@emporium/db'
import type { Redis } from '@emporium/infra'
import { z } from 'zod'
import { appendToSearchStream, CATALOG_INVALIDATE_CHANNEL } from './catalog-handlers'
import type { OutboxHandler } from './outbox-relay'

const ReviewPayload = z.object({ reviewId: z.uuid(), productId: z.uuid() })
const SellerRatingPayload = z.object({ sellerId: z.uuid() })

/** Review events that can change a product's published ratings. */
const RATING_EVENTS = new Set(['review.submitted', 'review.edited', 'review.moderated'])
/** Review events that can change a review's helpful count. */
const VOTE_EVENTS = new Set(['review.voted'])

function reviewPayload(event: OutboxEvent) {
  const parsed = ReviewPayload.safeParse(event.payload)
  if (!parsed.success)
    throw new Error(`review event ${event.id} (${event.event_type}) has a malformed payload`, {
      cause: parsed.error,
    })
  return parsed.data
}

/**
 * Recomputes what a review event touches from the source rows: the product's rating aggregates
 * (count, histogram, mean, Bayesian average, Wilson score) or the review's helpful count. A
 * redelivered or reordered event recomputes the same result.
 */
export function recomputeReviewAggregates(db: Db): OutboxHandler {
  return async (event) => {
    if (VOTE_EVENTS.has(event.event_type)) {
      await recomputeHelpfulCount(db, reviewPayload(event).reviewId)
    } else if (RATING_EVENTS.has(event.event_type)) {
      await recomputeProductRating(db, reviewPayload(event).productId)
    }
  }
}

/**
 * After a rating change, tells the search indexer (its stream; the payload's `productId` names the
 * product to reload, rating facet included) and every API instance's product cache.
 */
export function refreshProductRating(redis: Redis): OutboxHandler {
  const toSearch = appendToSearchStream(redis)
  return async (event) => {
    if (!RATING_EVENTS.has(event.event_type)) return
    const { productId } = reviewPayload(event)
    await toSearch(event)
    await redis.publish(CATALOG_INVALIDATE_CHANNEL, JSON.stringify({ productId }))
  }
}

/** Recomputes a seller's rating aggregates after a seller rating event. */
export function recomputeSellerAggregates(db: Db): OutboxHandler {
  return async (event) => {
    const parsed = SellerRatingPayload.safeParse(event.payload)
    if (!parsed.success)
      throw new Error(`seller rating event ${event.id} has a malformed payload`, {
        cause: parsed.error,
      })
    await recomputeSellerRating(db, parsed.data.sellerId)
  }
}

/** Handlers of review and seller-rating events: aggregates first, then search and caches. */
export function createReviewHandlers(db: Db, redis: Redis): Record<string, OutboxHandler[]> {
  return {
    [REVIEW_AGGREGATE]: [recomputeReviewAggregates(db), refreshProductRating(redis)],
    [SELLER_RATING_AGGREGATE]: [recomputeSellerAggregates(db)],
  }
}
