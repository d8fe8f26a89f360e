export { findCategoryPaths, loadCategoryTree } from './categories'
export { listCatalogProducts } from './listing'
export { findProductDetail, type ProductDetail, type ProductKey } from './product-detail'
