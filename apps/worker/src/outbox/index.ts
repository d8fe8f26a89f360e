export {
  appendToSearchStream,
  CATALOG_INVALIDATE_CHANNEL,
  createCatalogHandlers,
  invalidateProductCache,
  PRODUCT_AGGREGATE,
  SEARCH_EVENTS_STREAM,
} from './catalog-handlers'
export { mergeOutboxHandlers } from './merge-handlers'
export { createPurchaseAffinityHandlers } from './purchase-affinity-handlers'
export {
  createReviewHandlers,
  recomputeReviewAggregates,
  recomputeSellerAggregates,
  refreshProductRating,
} from './review-handlers'
export {
  createOutboxRelay,
  retryDelayMs,
  type OutboxHandler,
  type OutboxRelay,
  type OutboxRelayOptions,
} from './outbox-relay'
