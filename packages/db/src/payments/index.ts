export * from './payments'
