import { TRPCError } from '@trpc/server'
import { findUserByEmail, recordFailedLogin, recordSuccessfulLogin, type User } from '@emporium/db'
import {
  DEFAULT_LOCKOUT_POLICY,
  lockedUntilAfterFailure,
  type LoginInput,
} from '@emporium/domain/accounts'
import type { Context } from '../context'
import { verifyPassword } from './password'
import { consumeOrThrow } from '../protection/rate-limits'

const WRONG_CREDENTIALS = 'Email or password is incorrect.'

function lockedError(until: Date, now: Date): TRPCError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many failed sign-ins. Try again in ${seconds} s.`,
    cause: { retryAfterSeconds: seconds },
  })
}

/**
 * Failures for emails with no account are counted in Redis with the same policy as real accounts
 * (whose count lives in the database), so lockout behaves the same and does not reveal who has an account.
 */
const unknownEmails = {
  key: (email: string) => `lockout:${email}`,
  async lockedUntil(ctx: Context, email: string): Promise<Date | null> {
    const until = Number(await ctx.redis.hget(this.key(email), 'locked_until'))
    return until > 0 ? new Date(until) : null
  },
  async fail(ctx: Context, email: string, now: Date): Promise<Date | null> {
    const key = this.key(email)
    const count = await ctx.redis.hincrby(key, 'count', 1)
    const until = lockedUntilAfterFailure(count, now)
    if (until) await ctx.redis.hset(key, 'locked_until', until.getTime())
    await ctx.redis.pexpire(key, DEFAULT_LOCKOUT_POLICY.maxLockMs * 2)
    return until
  },
}

/** Checks credentials with rate limits, lockout and no user enumeration; returns the user on success. */
export async function authenticate(
  ctx: Context,
  input: LoginInput,
  now = new Date(),
): Promise<User> {
  await consumeOrThrow(ctx.rateLimiters.loginPerIp, ctx.ip, 'sign-in attempts from your network')
  await consumeOrThrow(
    ctx.rateLimiters.loginPerAccount,
    input.email,
    'sign-in attempts for this account',
  )
  const user = await findUserByEmail(ctx.db, input.email)

  if (!user) {
    const lockedUntil = await unknownEmails.lockedUntil(ctx, input.email)
    if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil, now)
    await verifyPassword(null, input.password) // same cost as a real check
    const after = await unknownEmails.fail(ctx, input.email, now)
    if (after) throw lockedError(after, now)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS })
  }
  if (user.locked_until && user.locked_until > now) throw lockedError(user.locked_until, now)

  const ok = await verifyPassword(user.password_hash, input.password)
  if (!ok) {
    let lockedUntil: Date | null = null
    await recordFailedLogin(
      ctx.db,
      user.id,
      (count) => (lockedUntil = lockedUntilAfterFailure(count, now)),
    )
    if (lockedUntil) throw lockedError(lockedUntil, now)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS })
  }
  await recordSuccessfulLogin(ctx.db, user.id)
  return user
}
