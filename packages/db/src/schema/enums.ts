/** Values of the Postgres enum types created by the migrations, for validation and UI. */
export const USER_ROLES = ['customer', 'seller', 'admin'] as const
export type UserRole = (typeof USER_ROLES)[number]

export const SELLER_STATUSES = ['pending', 'approved', 'suspended'] as const
export type SellerStatus = (typeof SELLER_STATUSES)[number]

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

export const RESERVATION_STATUSES = ['active', 'committed', 'released', 'expired'] as const
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number]

/** Allowed by a CHECK constraint on `stock_movements.reason`. */
export const STOCK_MOVEMENT_REASONS = [
  'restock',
  'adjustment',
  'reserve',
  'release',
  'commit',
  'return',
  'seed',
] as const
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number]

export const COUPON_KINDS = ['percentage', 'fixed', 'free_shipping'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'cancelled',
  'partially_refunded',
  'refunded',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const FULFILLMENT_STATUSES = [
  'pending',
  'packed',
  'shipped',
  'delivered',
  'cancelled',
] as const
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]

export const PAYMENT_STATUSES = [
  'requires_action',
  'authorized',
  'captured',
  'voided',
  'failed',
  'partially_refunded',
  'refunded',
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

export const REVIEW_STATUSES = ['published', 'held', 'rejected'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'push'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** Allowed by a CHECK constraint on `notifications.status`. */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]
