import { randomBytes } from 'node:crypto'
import type { Redis } from '@emporium/infra'
import { hashToken } from './session-store'

export type OneTimePurpose = 'verify-email' | 'reset-password'

const TTL_S: Record<OneTimePurpose, number> = { 'verify-email': 24 * 3600, 'reset-password': 3600 }

/** Issues a single-use token for `purpose`, valid for its TTL; Redis keeps only its hash. */
export async function issueOneTimeToken(
  redis: Redis,
  purpose: OneTimePurpose,
  userId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await redis.set(`ott:${purpose}:${hashToken(token)}`, userId, 'EX', TTL_S[purpose])
  return token
}

/** Spends a token: returns its user id the first time, null if unknown, expired or already used. */
export async function consumeOneTimeToken(
  redis: Redis,
  purpose: OneTimePurpose,
  token: string,
): Promise<string | null> {
  if (token.length < 20 || token.length > 100) return null
  return redis.getdel(`ott:${purpose}:${hashToken(token)}`)
}
