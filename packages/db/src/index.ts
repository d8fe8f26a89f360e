export { createDb, DEFAULT_DATABASE_URL, parseInt8, type Db } from './client'
export {
  createMigrator,
  FolderMigrationProvider,
  migrateDown,
  migrateToLatest,
  MIGRATIONS_FOLDER,
} from './migrate'
export { toJson } from './json'
export * from './schema'
export * from './accounts'
export * from './pii'
export * from './outbox'
export * from './webhook-events'
export * from './refunds'
export * from './payment-reconciliation'
export * from './sellers'
export * from './inventory'
export * from './cart'
export * from './catalog-read'
export * from './catalog'
export * from './product-images'
export * from './fulfillment'
export * from './order-history'
export * from './sales'
export * from './orders'
export * from './payments'
export * from './notifications'
export * from './reviews'
export * from './cart-recovery'
export * from './recommendations'
export * from './risk'
