import { setTimeout as sleep } from 'node:timers/promises'
import {
  claimOutboxEvents,
  markOutboxFailed,
  markOutboxPublished,
  type Db,
  type OutboxEvent,
} from '@emporium/db'
import type { Logger } from '@emporium/infra'

/** Publishes one event somewhere (a channel, a stream); throws when it could not. */
export type OutboxHandler = (event: OutboxEvent) => Promise<void>

export interface OutboxRelayOptions {
  db: Db
  logger: Logger
  /** Handlers per aggregate type; events of other types stay in the outbox for whoever handles them later. */
  handlers: Readonly<Record<string, readonly OutboxHandler[]>>
  /** Only events of these aggregates are claimed; omit for all (a worker under test sets it). */
  aggregateIds?: readonly string[]
  batchSize?: number
  /** Pause after finding nothing to publish. */
  idleMs?: number
  /** First retry delay after a failed publish; doubles per attempt up to `maxRetryMs`. */
  retryBaseMs?: number
  maxRetryMs?: number
}

export interface OutboxRelay {
  /** Claims one batch, publishes it, marks it; returns how many events it claimed. */
  runOnce(): Promise<number>
  /** Runs batches until `stop()`; waits `idleMs` when the outbox is empty. */
  start(): void
  /** Lets the current batch finish, then stops the loop. */
  stop(): Promise<void>
}

/** Delay before retry number `attempts` (1 = first retry): base × 2^(attempts−1), capped. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
}

/**
 * The transactional outbox relay: claims due events (`FOR UPDATE SKIP LOCKED`, only the oldest
 * unpublished event of each aggregate, so per-aggregate order holds across relays), hands each to
 * its handlers, and marks it published in the same transaction. Delivery is at least once: a crash
 * before the commit leaves the row unpublished, a handler failure schedules a retry with back-off.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, logger, handlers } = options
  const aggregateTypes = Object.keys(handlers)
  const batchSize = options.batchSize ?? 20
  const idleMs = options.idleMs ?? 500
  const retryBaseMs = options.retryBaseMs ?? 1_000
  const maxRetryMs = options.maxRetryMs ?? 300_000
  let loop: Promise<void> | undefined
  let stopping = false
  const wake = new AbortController()

  async function publish(trx: Db, event: OutboxEvent): Promise<void> {
    try {
      for (const handler of handlers[event.aggregate_type] ?? []) await handler(event)
      await markOutboxPublished(trx, event.id)
    } catch (error) {
      const attempts = event.attempts + 1
      const retryInMs = retryDelayMs(attempts, retryBaseMs, maxRetryMs)
      logger.error(
        {
          err: error,
          eventId: event.id,
          eventType: event.event_type,
          aggregateType: event.aggregate_type,
          aggregateId: event.aggregate_id,
          attempts,
          retryInMs,
        },
        'outbox event not published; will retry',
      )
      await markOutboxFailed(
        trx,
        event.id,
        error instanceof Error ? error.message : String(error),
        retryInMs,
      )
    }
  }

  async function runOnce(): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const events = await claimOutboxEvents(trx, {
        aggregateTypes,
        limit: batchSize,
        ...(options.aggregateIds ? { aggregateIds: options.aggregateIds } : {}),
      })
      for (const event of events) await publish(trx, event)
      return events.length
    })
  }

  async function run(): Promise<void> {
    let failures = 0
    while (!stopping) {
      let claimed = 0
      try {
        claimed = await runOnce()
        failures = 0
      } catch (error) {
        // Postgres unreachable or the transaction failed: nothing was marked, the batch will be claimed again.
        failures += 1
        logger.error({ err: error, failures }, 'outbox relay batch failed')
      }
      if (claimed === 0 || failures > 0) {
        const pause = failures > 0 ? retryDelayMs(failures, idleMs, 30_000) : idleMs
        await sleep(pause, undefined, { signal: wake.signal }).catch(() => undefined)
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
      wake.abort()
      await loop
    },
  }
}
