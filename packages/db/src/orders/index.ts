export * from './create-order'
export * from './order-transitions'
