export * from './risk-signals'
export * from './risk-reviews'
