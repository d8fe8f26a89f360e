import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * The process's Prometheus registry and every Emporium metric. One registry per process: the API
 * and the worker each serve it on their own `/metrics`.
 */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'emporium_process_' })

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/** tRPC calls by procedure, type and result code (`OK` or the tRPC error code). */
export const apiRequests = new Counter({
  name: 'emporium_api_requests_total',
  help: 'tRPC calls handled, by procedure, type and result code (OK or the tRPC error code).',
  labelNames: ['procedure', 'type', 'code'] as const,
  registers: [metricsRegistry],
})

/** tRPC call latency by procedure. */
export const apiRequestDuration = new Histogram({
  name: 'emporium_api_request_duration_seconds',
  help: 'tRPC call latency in seconds, by procedure and type.',
  labelNames: ['procedure', 'type'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

/** Failed tRPC calls by procedure and error code; INTERNAL_SERVER_ERROR is the one that pages. */
export const apiErrors = new Counter({
  name: 'emporium_api_errors_total',
  help: 'tRPC calls that failed, by procedure and tRPC error code.',
  labelNames: ['procedure', 'code'] as const,
  registers: [metricsRegistry],
})

/** Temporal activity executions in this worker, by activity type and outcome. */
export const activityDuration = new Histogram({
  name: 'emporium_worker_activity_duration_seconds',
  help: 'Activity execution time in seconds in this worker, by activity type and outcome (completed/failed).',
  labelNames: ['activity_type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

/** Reservations refused because stock ran out (a shopper lost the race for the last units). */
export const reservationConflicts = new Counter({
  name: 'emporium_reservation_conflicts_total',
  help: 'Stock reservations refused as sold out, by refusal code.',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
})

/** Finished checkouts: paid, or cancelled with the failure reason. */
export const checkoutOutcomes = new Counter({
  name: 'emporium_checkout_outcomes_total',
  help: 'Checkouts that ended, by outcome (paid/cancelled) and cancellation reason (empty when paid).',
  labelNames: ['outcome', 'reason'] as const,
  registers: [metricsRegistry],
})

/** The registry's text exposition, for a `/metrics` response. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() }
}

/** Lookup counters of one catalog cache (cumulative since it started). */
export interface CacheLookupStats {
  localHits: number
  redisHits: number
  dbLoads: number
}

const cacheSources = new Set<CacheLookupStats>()
const retired: CacheLookupStats = { localHits: 0, redisHits: 0, dbLoads: 0 }

new Counter({
  name: 'emporium_catalog_cache_lookups_total',
  help: 'Catalog cache lookups by result: local_hit (in-process), redis_hit, or miss (loaded from PostgreSQL).',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
  collect() {
    const sum = { ...retired }
    for (const s of cacheSources) {
      sum.localHits += s.localHits
      sum.redisHits += s.redisHits
      sum.dbLoads += s.dbLoads
    }
    this.reset()
    this.inc({ result: 'local_hit' }, sum.localHits)
    this.inc({ result: 'redis_hit' }, sum.redisHits)
    this.inc({ result: 'miss' }, sum.dbLoads)
  },
})

/** Counts a cache's lookups (its live `stats` object) in the metrics; the returned function stops following it, keeping its totals. */
export function observeCacheLookups(stats: CacheLookupStats): () => void {
  cacheSources.add(stats)
  return () => {
    if (!cacheSources.delete(stats)) return
    retired.localHits += stats.localHits
    retired.redisHits += stats.redisHits
    retired.dbLoads += stats.dbLoads
  }
}

/** A gauge whose value `read` computes at scrape time (e.g. a count in PostgreSQL). */
export function registerReadGauge(name: string, help: string, read: () => Promise<number>): void {
  new Gauge({
    name,
    help,
    registers: [metricsRegistry],
    async collect() {
      this.set(await read())
    },
  })
}
