import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '@emporium/db'
import { loadSearchDocuments, type Logger, type Redis, type SearchEngine } from '@emporium/infra'
import { PRODUCT_AGGREGATE, SEARCH_EVENTS_STREAM } from '../outbox'

export interface SearchIndexerOptions {
  db: Db
  redis: Redis
  engine: SearchEngine
  logger: Logger
  /** Consumer group; every group sees every event once. */
  group?: string
  consumer?: string
  batchSize?: number
  /** How long one read blocks waiting for events. */
  blockMs?: number
}

export interface SearchIndexer {
  /** Reads one batch (this consumer's unacknowledged entries first), indexes it, acks it; returns entries handled. */
  runOnce(): Promise<number>
  start(): void
  stop(): Promise<void>
}

// A pending entry trimmed from the stream comes back with null fields.
type StreamEntry = [string, string[] | null]

/** Entries of a one-stream XREADGROUP reply, as RESP2 (`[[name, entries]]`) or RESP3 (`[name, entries]`) gives them. */
function entriesOf(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return []
  const pair: unknown = typeof reply[0] === 'string' ? reply : reply[0]
  return Array.isArray(pair) && Array.isArray(pair[1]) ? (pair[1] as StreamEntry[]) : []
}

/** The product an event is about: the aggregate id of product events, else `payload.productId`. */
export function productIdOf(fields: Record<string, string>): string | undefined {
  if (fields.aggregateType === PRODUCT_AGGREGATE) return fields.aggregateId
  try {
    const payload = JSON.parse(fields.payload ?? '{}') as { productId?: unknown }
    return typeof payload.productId === 'string' ? payload.productId : undefined
  } catch {
    return undefined
  }
}

/**
 * Keeps the search index in step with the catalog: reads catalog/stock/rating events from the
 * `events:search` stream (consumer group, at least once), reloads each touched product from
 * Postgres and upserts it, or removes it when it is no longer sellable. Reloading the current state
 * makes redelivered or reordered events harmless.
 */
export function createSearchIndexer(options: SearchIndexerOptions): SearchIndexer {
  const { db, redis, engine, logger } = options
  const group = options.group ?? 'search-indexer'
  const consumer = options.consumer ?? `${hostname()}-${process.pid}`
  let groupReady = false
  let pendingChecked = false
  let stopping = false
  let loop: Promise<void> | undefined

  async function ensureGroup(): Promise<void> {
    if (groupReady) return
    try {
      await redis.xgroup('CREATE', SEARCH_EVENTS_STREAM, group, '0', 'MKSTREAM')
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error
    }
    groupReady = true
  }

  async function runOnce(): Promise<number> {
    await ensureGroup()
    // After a restart, first finish what this consumer read but never acknowledged.
    const from = pendingChecked ? '>' : '0'
    const block = from === '>' ? ['BLOCK', options.blockMs ?? 1_000] : []
    const reply = await redis.call(
      'XREADGROUP',
      ...['GROUP', group, consumer, 'COUNT', options.batchSize ?? 100, ...block],
      ...['STREAMS', SEARCH_EVENTS_STREAM, from],
    )
    const entries = entriesOf(reply)
    if (from === '0' && entries.length === 0) pendingChecked = true
    if (entries.length === 0) return 0
    const ids = new Set<string>()
    for (const [, raw] of entries) {
      const flat = raw ?? []
      const fields: Record<string, string> = {}
      for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] ?? ''] = flat[i + 1] ?? ''
      const productId = productIdOf(fields)
      if (productId) ids.add(productId)
    }
    const { docs, gone } = await loadSearchDocuments(db, [...ids])
    await engine.index(docs)
    await engine.remove(gone)
    await redis.xack(SEARCH_EVENTS_STREAM, group, ...entries.map(([id]) => id))
    logger.debug(
      { entries: entries.length, indexed: docs.length, removed: gone.length },
      'search index updated',
    )
    return entries.length
  }

  async function run(): Promise<void> {
    let failures = 0
    while (!stopping) {
      try {
        await runOnce()
        failures = 0
      } catch (error) {
        failures += 1
        logger.error({ err: error, failures }, 'search indexing failed; will retry')
        await sleep(Math.min(30_000, 500 * 2 ** failures))
      }
    }
  }

  return {
    runOnce,
    start() {
      loop ??= run()
    },
    async stop() {
      stopping = true
      await loop
    },
  }
}
