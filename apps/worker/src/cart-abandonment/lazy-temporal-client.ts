import { createTemporalClient, type Config, type TemporalClient } from '@emporium/infra'

/** A Temporal client connected on first use; a failed connect is retried on the next call. */
export function lazyTemporalClient(
  config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
) {
  let client: Promise<TemporalClient> | undefined
  return {
    get(): Promise<TemporalClient> {
      client ??= createTemporalClient(config).catch((error: unknown) => {
        client = undefined
        throw error
      })
      return client
    },
    /** Closes the connection if one was made. */
    async close(): Promise<void> {
      const connected = await client?.catch(() => undefined)
      await connected?.connection.close()
    },
  }
}
