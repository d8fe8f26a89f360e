import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** OIDC identities linked to a user. */
export interface UserIdentityTable {
  id: Generated<number>
  user_id: string
  provider: string
  subject: string
  email: string | null
  created_at: Generated<Date>
}

export type UserIdentity = Selectable<UserIdentityTable>
export type NewUserIdentity = Insertable<UserIdentityTable>
export type UserIdentityUpdate = Updateable<UserIdentityTable>
