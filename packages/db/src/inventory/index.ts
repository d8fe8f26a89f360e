export * from './reserve-stock'
export * from './reservation-lifecycle'
export * from './adjust-stock'
export * from './stock-queries'
