export * from './cart-variants'
export * from './cart-snapshots'
export * from './coupons'
export * from './pricing-reference'
