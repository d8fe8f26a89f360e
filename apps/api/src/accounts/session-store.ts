import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from '@emporium/infra'

/** One signed-in device. The token itself is never stored: only its SHA-256. */
export interface SessionRecord {
  id: string
  userId: string
  createdAt: number
  lastSeenAt: number
  /** Absolute end of life, whatever the activity. */
  expiresAt: number
  userAgent: string | null
  ip: string | null
}

export interface SessionStoreOptions {
  /** A session unused this long ends (sliding expiry). */
  idleTtlMs: number
  /** A session never outlives this, even when used every minute. */
  absoluteTtlMs: number
  /** Activity refreshes the idle expiry at most this often, to spare Redis a write per request. */
  touchEveryMs: number
}

export const DEFAULT_SESSION_OPTIONS: SessionStoreOptions = {
  idleTtlMs: 7 * 24 * 3600_000,
  absoluteTtlMs: 30 * 24 * 3600_000,
  touchEveryMs: 60_000,
}

const sessionKey = (tokenHash: string) => `sess:${tokenHash}`
const userIndexKey = (userId: string) => `user-sess:${userId}`

/** SHA-256 of a token, hex: what Redis holds instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Opaque session tokens in Redis, hashed at rest, with sliding expiry and per-user revocation. */
export function createSessionStore(
  redis: Redis,
  options: SessionStoreOptions = DEFAULT_SESSION_OPTIONS,
) {
  async function writeSession(
    tokenHash: string,
    record: SessionRecord,
    now: number,
  ): Promise<void> {
    const ttl = Math.max(1, Math.min(options.idleTtlMs, record.expiresAt - now))
    await redis
      .multi()
      .set(sessionKey(tokenHash), JSON.stringify(record), 'PX', ttl)
      .hset(userIndexKey(record.userId), record.id, tokenHash)
      .pexpire(userIndexKey(record.userId), options.absoluteTtlMs)
      .exec()
  }

  const store = {
    /** Starts a session and returns the token to hand to the client (cookie or bearer). */
    async create(
      userId: string,
      meta: { userAgent?: string | null; ip?: string | null },
      now = Date.now(),
    ) {
      const token = randomBytes(32).toString('base64url')
      const tokenHash = hashToken(token)
      const record: SessionRecord = {
        id: randomBytes(12).toString('base64url'),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: now + options.absoluteTtlMs,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip ?? null,
      }
      await writeSession(tokenHash, record, now)
      return { token, session: record }
    },

    /** The live session of a token, or null; refreshes its idle expiry (sliding). */
    async resolve(token: string, now = Date.now()): Promise<SessionRecord | null> {
      if (token.length < 20 || token.length > 100) return null
      const tokenHash = hashToken(token)
      const raw = await redis.get(sessionKey(tokenHash))
      if (!raw) return null
      const record = JSON.parse(raw) as SessionRecord
      if (record.expiresAt <= now) {
        await store.revoke(record.userId, record.id)
        return null
      }
      if (now - record.lastSeenAt >= options.touchEveryMs) {
        record.lastSeenAt = now
        await writeSession(tokenHash, record, now)
      }
      return record
    },

    /** Every live session of a user, most recent first. */
    async list(userId: string): Promise<SessionRecord[]> {
      const index = await redis.hgetall(userIndexKey(userId))
      const entries = Object.entries(index)
      if (entries.length === 0) return []
      const raws = await redis.mget(entries.map(([, tokenHash]) => sessionKey(tokenHash)))
      const stale = entries.filter((_, i) => raws[i] === null).map(([id]) => id)
      if (stale.length > 0) await redis.hdel(userIndexKey(userId), ...stale)
      return raws
        .filter((raw): raw is string => raw !== null)
        .map((raw) => JSON.parse(raw) as SessionRecord)
        .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
    },

    /** Ends one session of a user; true when it existed. */
    async revoke(userId: string, sessionId: string): Promise<boolean> {
      const tokenHash = await redis.hget(userIndexKey(userId), sessionId)
      if (!tokenHash) return false
      await redis.multi().del(sessionKey(tokenHash)).hdel(userIndexKey(userId), sessionId).exec()
      return true
    },

    /** Ends every session of a user ("log out everywhere"); returns how many ended. */
    async revokeAll(userId: string, exceptSessionId?: string): Promise<number> {
      const index = await redis.hgetall(userIndexKey(userId))
      const victims = Object.entries(index).filter(([id]) => id !== exceptSessionId)
      if (victims.length === 0) return 0
      const tx = redis.multi()
      for (const [id, tokenHash] of victims)
        tx.del(sessionKey(tokenHash)).hdel(userIndexKey(userId), id)
      await tx.exec()
      return victims.length
    },

    /** Replaces a session's token (login on a device that had one, privilege change); the old token dies. */
    async rotate(token: string, now = Date.now()) {
      const current = await store.resolve(token, now)
      if (!current) return null
      await store.revoke(current.userId, current.id)
      return store.create(current.userId, { userAgent: current.userAgent, ip: current.ip }, now)
    },
  }
  return store
}

export type SessionStore = ReturnType<typeof createSessionStore>
