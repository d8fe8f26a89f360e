export {
  createSearchIndexer,
  productIdOf,
  type SearchIndexer,
  type SearchIndexerOptions,
} from './search-indexer'
