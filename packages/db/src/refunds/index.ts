export * from './reserve-refund'
export * from './settle-refund'
export * from './restock-refund'
export * from './list-refunds'
