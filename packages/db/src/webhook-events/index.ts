export * from './webhook-events'
