import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { UserRole } from './enums'

/** users. */
export interface UserTable {
  id: Generated<string>
  email: string
  password_hash: string | null
  display_name: string | null
  role: Generated<UserRole>
  email_verified_at: Date | null
  locked_until: Date | null
  failed_login_count: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type User = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
