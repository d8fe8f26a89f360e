import { randomUUID } from 'node:crypto'
import { createRedis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { createSessionStore, hashToken } from './session-store'

describe('session store (real Redis)', () => {
  const redis = createRedis(testConfig())
  const store = createSessionStore(redis, {
    idleTtlMs: 60_000,
    absoluteTtlMs: 3_600_000,
    touchEveryMs: 1_000,
  })
  afterAll(async () => {
    await redis.quit()
  })

  it('keeps only the hash of the token in Redis', async () => {
    const userId = randomUUID()
    const { token } = await store.create(userId, { userAgent: 'test' })
    expect(await redis.exists(`sess:${token}`)).toBe(0)
    expect(await redis.exists(`sess:${hashToken(token)}`)).toBe(1)
    expect((await store.resolve(token))?.userId).toBe(userId)
  })

  it('slides the idle expiry on use but never past the absolute limit', async () => {
    const userId = randomUUID()
    const t0 = Date.now()
    const { token } = await store.create(userId, {}, t0)
    const touched = await store.resolve(token, t0 + 30_000)
    expect(touched?.lastSeenAt).toBe(t0 + 30_000)
    expect(await redis.pttl(`sess:${hashToken(token)}`)).toBeGreaterThan(55_000)
    expect(await store.resolve(token, t0 + 3_600_000)).toBeNull()
    expect(await store.list(userId)).toEqual([])
  })

  it('revokes one session and leaves the others', async () => {
    const userId = randomUUID()
    const phone = await store.create(userId, { userAgent: 'phone' })
    const laptop = await store.create(userId, { userAgent: 'laptop' })
    expect((await store.list(userId)).map((s) => s.userAgent).sort()).toEqual(['laptop', 'phone'])
    expect(await store.revoke(userId, phone.session.id)).toBe(true)
    expect(await store.resolve(phone.token)).toBeNull()
    expect((await store.resolve(laptop.token))?.id).toBe(laptop.session.id)
    expect(await store.revoke(userId, phone.session.id)).toBe(false)
  })

  it('log out everywhere kills a stolen token too', async () => {
    const userId = randomUUID()
    const mine = await store.create(userId, {})
    const stolen = await store.create(userId, {})
    expect(await store.revokeAll(userId)).toBe(2)
    expect(await store.resolve(stolen.token)).toBeNull()
    expect(await store.resolve(mine.token)).toBeNull()
  })

  it('rotation issues a new token and kills the old one', async () => {
    const userId = randomUUID()
    const first = await store.create(userId, {})
    const rotated = await store.rotate(first.token)
    expect(rotated?.token).not.toBe(first.token)
    expect(await store.resolve(first.token)).toBeNull()
    expect((await store.resolve(rotated?.token ?? ''))?.userId).toBe(userId)
  })

  it('rejects malformed and unknown tokens', async () => {
    expect(await store.resolve('')).toBeNull()
    expect(await store.resolve('x'.repeat(10_000))).toBeNull()
    expect(await store.resolve(randomUUID() + randomUUID())).toBeNull()
  })
})
