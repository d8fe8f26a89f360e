export * from './stores'
