export * from './product-image'
