export * from './customer-orders'
export * from './customer-order-detail'
