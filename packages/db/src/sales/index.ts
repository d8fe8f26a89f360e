export * from './seller-sales'
