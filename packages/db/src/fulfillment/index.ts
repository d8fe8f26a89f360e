export * from './seller-fulfillments'
export * from './ship-fulfillment'
export * from './record-tracking-event'
export type { ShipmentWithEvents } from './shipment-reads'
