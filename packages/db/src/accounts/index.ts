export * from './users'
export * from './identities'
export * from './addresses'
