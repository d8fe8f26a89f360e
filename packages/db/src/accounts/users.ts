import type { Db } from '../client'
import type { User, UserRole } from '../schema'

/** Finds a user by (already normalized) email; emails are citext, so the match ignores case. */
export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
}

/** Finds a user by id. */
export function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts a user; undefined when the email is taken (the unique index decides, not a prior read). */
export function insertUser(
  db: Db,
  user: {
    email: string
    passwordHash: string | null
    displayName?: string | null
    role?: UserRole
    emailVerifiedAt?: Date | null
  },
): Promise<User | undefined> {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName ?? null,
      role: user.role ?? 'customer',
      email_verified_at: user.emailVerifiedAt ?? null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** Counts one more failed sign-in and sets the lock computed by the caller; returns the new count. */
export async function recordFailedLogin(
  db: Db,
  userId: string,
  lockedUntil: (failedCount: number) => Date | null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_login_count')
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('users')
      .set({ locked_until: lockedUntil(row.failed_login_count) })
      .where('id', '=', userId)
      .execute()
    return row.failed_login_count
  })
}

/** Clears the failure count and lock after a successful sign-in. */
export async function recordSuccessfulLogin(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_login_count', '>', 0), eb('locked_until', 'is not', null)]))
    .execute()
}

/** Sets a new password hash (reset or change) and lifts any lock. */
export async function updatePasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      failed_login_count: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute()
}

/** Marks the email as verified (first verification wins). */
export async function markEmailVerified(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: at, updated_at: at })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute()
}

/** Changes a user's role; returns false when no such user. */
export async function setUserRole(db: Db, userId: string, role: UserRole): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ role, updated_at: new Date() })
    .where('id', '=', userId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
