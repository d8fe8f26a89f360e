import type { IncomingMessage } from 'node:http'
import type { Db, SellerStatus, UserRole } from '@emporium/db'
import { readSessionToken } from './cookies'
import type { SessionStore } from './session-store'

/** Who is calling, once their token checks out. */
export interface AuthSession {
  sessionId: string
  userId: string
  email: string
  role: UserRole
  emailVerified: boolean
  via: 'cookie' | 'bearer'
  token: string
  seller: { id: string; slug: string; status: SellerStatus } | null
}

/** Resolves the caller's session from cookie or bearer token; null for anonymous or dead tokens. */
export async function resolveSession(
  db: Db,
  sessions: SessionStore,
  req: IncomingMessage | undefined,
): Promise<AuthSession | null> {
  const presented = readSessionToken(req)
  if (!presented) return null
  const record = await sessions.resolve(presented.token)
  if (!record) return null
  const row = await db
    .selectFrom('users')
    .leftJoin('sellers', 'sellers.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.role',
      'users.email_verified_at',
      'sellers.id as seller_id',
      'sellers.slug as seller_slug',
      'sellers.status as seller_status',
    ])
    .where('users.id', '=', record.userId)
    .executeTakeFirst()
  if (!row) {
    await sessions.revokeAll(record.userId)
    return null
  }
  return {
    sessionId: record.id,
    userId: row.id,
    email: row.email,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
    via: presented.via,
    token: presented.token,
    seller:
      row.seller_id && row.seller_slug && row.seller_status
        ? { id: row.seller_id, slug: row.seller_slug, status: row.seller_status }
        : null,
  }
}
