import type { Db } from '@emporium/db'
import type { Config } from '../config'
import { createSearchClient } from '../search'
import { PostgresSearchEngine } from './postgres-engine'
import { TypesenseSearchEngine } from './typesense-engine'
import type { SearchEngine } from './types'

/** The configured engine: Typesense when TYPESENSE_URL is set, otherwise PostgreSQL. */
export function createSearchEngine(
  config: Pick<Config, 'TYPESENSE_URL' | 'TYPESENSE_API_KEY'>,
  db: Db,
): SearchEngine {
  const client = createSearchClient(config)
  return client ? new TypesenseSearchEngine(client, db) : new PostgresSearchEngine(db)
}
