export * from './payment-reconciliation'
