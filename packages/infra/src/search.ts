import { Client as TypesenseClient } from 'typesense'
import type { Config } from './config'

export type { TypesenseClient }

/** Typesense client when TYPESENSE_URL is set; undefined means "use the PostgreSQL search engine". */
export function createSearchClient(
  config: Pick<Config, 'TYPESENSE_URL' | 'TYPESENSE_API_KEY'>,
): TypesenseClient | undefined {
  if (!config.TYPESENSE_URL) return undefined
  const url = new URL(config.TYPESENSE_URL)
  const protocol = url.protocol === 'https:' ? 'https' : 'http'
  return new TypesenseClient({
    nodes: [
      { host: url.hostname, port: Number(url.port || (protocol === 'https' ? 443 : 80)), protocol },
    ],
    apiKey: config.TYPESENSE_API_KEY,
    connectionTimeoutSeconds: 2,
    numRetries: 1,
  })
}
