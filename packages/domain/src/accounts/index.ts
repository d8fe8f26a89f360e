export * from './credentials'
export * from './lockout'
