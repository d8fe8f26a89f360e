import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createRedis } from './redis'
import { testConfig } from './testing'

describe('Redis (real server of the stack)', () => {
  const redis = createRedis(testConfig())
  afterAll(async () => {
    await redis.quit()
  })

  it('round-trips a hash with a TTL, as carts will', async () => {
    const key = `test:cart:${randomUUID()}`
    await redis.hset(key, { 'sku-1': '2', 'sku-2': '1' })
    await redis.expire(key, 60)
    expect(await redis.hgetall(key)).toEqual({ 'sku-1': '2', 'sku-2': '1' })
    const ttl = await redis.ttl(key)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60)
    await redis.del(key)
    expect(await redis.exists(key)).toBe(0)
  })

  it('runs a Lua script atomically', async () => {
    const key = `test:counter:${randomUUID()}`
    await redis.set(key, '3')
    const decrementIfPositive = `local v = tonumber(redis.call('GET', KEYS[1]) or '0')
      if v > 0 then return redis.call('DECR', KEYS[1]) else return -1 end`
    const results = await Promise.all(
      Array.from({ length: 5 }, () => redis.eval(decrementIfPositive, 1, key)),
    )
    expect(results.filter((r) => r !== -1)).toHaveLength(3)
    expect(await redis.get(key)).toBe('0')
    await redis.del(key)
  })
})
