export * from './credentials'
export * from './lockout'
export * from './addresses'
