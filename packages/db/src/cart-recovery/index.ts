export * from './recovery-coupons'
