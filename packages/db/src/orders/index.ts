export * from './create-order'
export * from './order-transitions'
export * from './order-search-facts'
