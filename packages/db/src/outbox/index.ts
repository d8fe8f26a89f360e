export * from './outbox-events'
