export * from './users'
export * from './identities'
