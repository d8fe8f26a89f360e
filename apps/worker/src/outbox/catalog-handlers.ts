import type { OutboxEvent } from '@emporium/db'
import type { Redis } from '@emporium/infra'
import type { OutboxHandler } from './outbox-relay'

/** Aggregate type of catalog events: `aggregate_id` is the product id. */
export const PRODUCT_AGGREGATE = 'product'
/** Pub/sub channel the API instances listen on to drop cached product data: message `{ productId }`. */
export const CATALOG_INVALIDATE_CHANNEL = 'catalog:invalidate'
/** Redis Stream read by the search indexer; entries carry `eventId` so a redelivery can be recognised. */
export const SEARCH_EVENTS_STREAM = 'events:search'
/** The stream keeps about this many recent entries. */
const SEARCH_STREAM_MAX_LENGTH = 100_000

/** Tells every API instance to drop what it cached about the product. */
export function invalidateProductCache(redis: Redis): OutboxHandler {
  return async (event: OutboxEvent) => {
    await redis.publish(
      CATALOG_INVALIDATE_CHANNEL,
      JSON.stringify({ productId: event.aggregate_id }),
    )
  }
}

/** Appends the event to the search indexer's stream. */
export function appendToSearchStream(redis: Redis): OutboxHandler {
  return async (event: OutboxEvent) => {
    await redis.xadd(
      SEARCH_EVENTS_STREAM,
      'MAXLEN',
      '~',
      SEARCH_STREAM_MAX_LENGTH,
      '*',
      'eventId',
      String(event.id),
      'type',
      event.event_type,
      'aggregateType',
      event.aggregate_type,
      'aggregateId',
      event.aggregate_id,
      'payload',
      JSON.stringify(event.payload),
      'occurredAt',
      event.created_at.toISOString(),
    )
  }
}

/** Handlers of catalog events: search first (the durable stream), then cache invalidation. */
export function createCatalogHandlers(redis: Redis): Record<string, OutboxHandler[]> {
  return { [PRODUCT_AGGREGATE]: [appendToSearchStream(redis), invalidateProductCache(redis)] }
}
