export * from './notification-kinds'
export * from './notification-events'
