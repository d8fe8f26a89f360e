import { describe, expect, it } from 'vitest'
import { lockedUntilAfterFailure } from './lockout'

describe('lockedUntilAfterFailure', () => {
  const now = new Date('2026-01-01T00:00:00Z')
  const policy = { freeAttempts: 3, baseLockMs: 1000, maxLockMs: 8000 }

  it('allows the free attempts, then doubles the lock on each failure up to the cap', () => {
    const locks = [1, 2, 3, 4, 5, 6, 7].map((n) => {
      const until = lockedUntilAfterFailure(n, now, policy)
      return until ? until.getTime() - now.getTime() : null
    })
    expect(locks).toEqual([null, null, 1000, 2000, 4000, 8000, 8000])
  })
})
