export {
  ORDER_STATUSES,
  OrderStatusSchema,
  allowedTransitions,
  canTransition,
  describeStatus,
  isFinalStatus,
  isOrderStatus,
  type OrderStatus,
} from './order-status'
export { OrderSchema, StatusHistoryEntrySchema, type Order, type StatusHistoryEntry } from './order'
export { invalidTransition, transition, type TransitionResult } from './transition'
export { refundableRemaining, validateRefund, type RefundCheck } from './refunds'
export {
  CreateRefundInputSchema,
  RefundIdempotencyKeySchema,
  RefundRequestResultSchema,
  RefundViewSchema,
  type CreateRefundInput,
  type RefundRequestResult,
} from './refund-schemas'
export { PlaceOrderInput } from './place-order-input'
