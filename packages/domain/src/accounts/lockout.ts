/** Account lockout after repeated failed sign-ins, with exponential back-off. */
export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
  freeAttempts: number
  /** Length of the first lock; each further failure doubles it. */
  baseLockMs: number
  maxLockMs: number
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  freeAttempts: 5,
  baseLockMs: 30_000,
  maxLockMs: 3600_000,
}

/**
 * When an account with `failedCount` consecutive failures (this one included) unlocks,
 * or null while it is still within its free attempts.
 */
export function lockedUntilAfterFailure(
  failedCount: number,
  now: Date,
  policy = DEFAULT_LOCKOUT_POLICY,
): Date | null {
  if (failedCount < policy.freeAttempts) return null
  const doublings = Math.min(failedCount - policy.freeAttempts, 30)
  const lockMs = Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs)
  return new Date(now.getTime() + lockMs)
}
