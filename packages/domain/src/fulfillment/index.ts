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
export { ShipOrderInput } from './ship-order-input'
export { AddTrackingEventInput } from './tracking-event-input'
export { buildTimeline, type TimelineFacts } from './timeline'
