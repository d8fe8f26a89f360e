export * from './sales-rules'
