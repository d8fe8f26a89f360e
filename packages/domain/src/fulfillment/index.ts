export {
  FULFILLMENT_STATUSES,
  FulfillmentStatusSchema,
  TRACKING_STATUSES,
  TrackingStatusSchema,
  advanceOrder,
  describeOrderStep,
  packRefusal,
  progressOf,
  shipRefusal,
  type FulfillmentStatus,
  type ShipRefusal,
  type TrackingStatus,
} from './fulfillment-status'
export * from './order-views'
export { buildTimeline, type TimelineFacts } from './timeline'
