export * from './notification-log'
export * from './notification-preferences'
export * from './notification-context'
