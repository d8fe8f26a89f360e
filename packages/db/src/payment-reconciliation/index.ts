export * from './payment-reconciliation'
export * from './stray-charge-refund'
