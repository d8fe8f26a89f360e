export * from './types'
export { AFFINITY_WEIGHTS, loadPersonalization, recordAffinity } from './affinity'
export {
  recordCartAddAffinity,
  recordProductAffinity,
  recordPurchaseAffinity,
} from './product-affinity'
export { createSearchEngine } from './create-search-engine'
export { PostgresSearchEngine } from './postgres-engine'
export { TypesenseSearchEngine } from './typesense-engine'
export { allSearchDocuments, loadSearchDocuments } from './search-documents'
export { priceBand } from './ranking-rules'
