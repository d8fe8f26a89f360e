export * from './notification-kinds'
