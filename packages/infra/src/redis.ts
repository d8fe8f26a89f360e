import { Redis } from 'ioredis'
import type { Config } from './config'

export type { Redis }

/** Connects to Redis; commands fail fast (no offline queue growth) when Redis is down. */
export function createRedis(config: Pick<Config, 'REDIS_URL'>): Redis {
  return new Redis(config.REDIS_URL, {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
  })
}
