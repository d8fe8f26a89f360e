import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Audit trail of sign-ins (live sessions are in Redis). */
export interface SessionTable {
  id: Generated<number>
  token_hash: string
  user_id: string
  created_at: Generated<Date>
  expires_at: Date
  last_seen_at: Generated<Date>
  revoked_at: Date | null
  user_agent: string | null
  ip: string | null
}

export type Session = Selectable<SessionTable>
export type NewSession = Insertable<SessionTable>
export type SessionUpdate = Updateable<SessionTable>
