import { Client, Connection, type ClientInterceptors } from '@temporalio/client'
import type { Config } from './config'

export type { Client as TemporalClient }

/** Connects a Temporal client to the configured frontend and namespace. */
export async function createTemporalClient(
  config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
  options: { interceptors?: ClientInterceptors } = {},
): Promise<Client> {
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: 5_000,
  })
  return new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    interceptors: options.interceptors,
  })
}
