import type { UserTable } from './users.table'
import type { UserIdentityTable } from './user-identities.table'
import type { SessionTable } from './sessions.table'
import type { AddressTable } from './addresses.table'
import type { SellerTable } from './sellers.table'
import type { CategoryTable } from './categories.table'
import type { ProductTable } from './products.table'
import type { ProductOptionTable } from './product-options.table'
import type { ProductOptionValueTable } from './product-option-values.table'
import type { ProductVariantTable } from './product-variants.table'
import type { ProductImageTable } from './product-images.table'
import type { PriceTable } from './prices.table'
import type { WarehouseTable } from './warehouses.table'
import type { InventoryLevelTable } from './inventory-levels.table'
import type { ReservationTable } from './reservations.table'
import type { StockMovementTable } from './stock-movements.table'
import type { CartTable } from './carts.table'
import type { TaxRateTable } from './tax-rates.table'
import type { CouponTable } from './coupons.table'
import type { CouponRedemptionTable } from './coupon-redemptions.table'
import type { ExchangeRateTable } from './exchange-rates.table'
import type { OrderTable } from './orders.table'
import type { OrderItemTable } from './order-items.table'
import type { OrderStatusHistoryTable } from './order-status-history.table'
import type { FulfillmentTable } from './fulfillments.table'
import type { PaymentTable } from './payments.table'
import type { RefundTable } from './refunds.table'
import type { RefundItemTable } from './refund-items.table'
import type { PaymentReconciliationFindingTable } from './payment-reconciliation-findings.table'
import type { WebhookEventTable } from './webhook-events.table'
import type { ShipmentTable } from './shipments.table'
import type { TrackingEventTable } from './tracking-events.table'
import type { ReviewTable } from './reviews.table'
import type { ReviewVoteTable } from './review-votes.table'
import type { SellerRatingTable } from './seller-ratings.table'
import type { ReviewModerationDecisionTable } from './review-moderation-decisions.table'
import type { ReviewReportTable } from './review-reports.table'
import type { ProductRatingSummaryTable } from './product-rating-summaries.table'
import type { SellerRatingSummaryTable } from './seller-rating-summaries.table'
import type { RecommendationTable } from './recommendations.table'
import type { RecommendationRunTable } from './recommendation-runs.table'
import type { RecommendationChannelTable } from './recommendation-channels.table'
import type { RecommendationRunBatchTable } from './recommendation-run-batches.table'
import type { RecommendationEventTable } from './recommendation-events.table'
import type { ProductViewTable } from './product-views.table'
import type { OutboxEventTable } from './outbox.table'
import type { NotificationPreferenceTable } from './notification-preferences.table'
import type { NotificationTable } from './notifications.table'
import type { OrderRiskReviewTable } from './order-risk-reviews.table'

/** Every application table, keyed by its SQL name (snake_case columns, no case plugin). */
export interface Database {
  users: UserTable
  user_identities: UserIdentityTable
  sessions: SessionTable
  addresses: AddressTable
  sellers: SellerTable
  categories: CategoryTable
  products: ProductTable
  product_options: ProductOptionTable
  product_option_values: ProductOptionValueTable
  product_variants: ProductVariantTable
  product_images: ProductImageTable
  prices: PriceTable
  warehouses: WarehouseTable
  inventory_levels: InventoryLevelTable
  reservations: ReservationTable
  stock_movements: StockMovementTable
  carts: CartTable
  tax_rates: TaxRateTable
  coupons: CouponTable
  coupon_redemptions: CouponRedemptionTable
  exchange_rates: ExchangeRateTable
  orders: OrderTable
  order_items: OrderItemTable
  order_status_history: OrderStatusHistoryTable
  fulfillments: FulfillmentTable
  payments: PaymentTable
  refunds: RefundTable
  refund_items: RefundItemTable
  payment_reconciliation_findings: PaymentReconciliationFindingTable
  webhook_events: WebhookEventTable
  shipments: ShipmentTable
  tracking_events: TrackingEventTable
  reviews: ReviewTable
  review_votes: ReviewVoteTable
  seller_ratings: SellerRatingTable
  review_moderation_decisions: ReviewModerationDecisionTable
  review_reports: ReviewReportTable
  product_rating_summaries: ProductRatingSummaryTable
  seller_rating_summaries: SellerRatingSummaryTable
  recommendations: RecommendationTable
  recommendation_runs: RecommendationRunTable
  recommendation_channels: RecommendationChannelTable
  recommendation_run_batches: RecommendationRunBatchTable
  recommendation_events: RecommendationEventTable
  product_views: ProductViewTable
  outbox: OutboxEventTable
  notification_preferences: NotificationPreferenceTable
  notifications: NotificationTable
  order_risk_reviews: OrderRiskReviewTable
}
