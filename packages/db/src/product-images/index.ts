export * from './product-images'
