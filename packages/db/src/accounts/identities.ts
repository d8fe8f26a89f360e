import type { Db } from '../client'
import type { UserIdentity } from '../schema'

/** Finds the identity a provider knows by `subject` (the OIDC `sub`). */
export function findIdentity(
  db: Db,
  provider: string,
  subject: string,
): Promise<UserIdentity | undefined> {
  return db
    .selectFrom('user_identities')
    .selectAll()
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst()
}

/** Links a provider identity to a user; undefined when (provider, subject) is already linked (the unique key decides). */
export function insertIdentity(
  db: Db,
  identity: { userId: string; provider: string; subject: string; email: string | null },
): Promise<UserIdentity | undefined> {
  return db
    .insertInto('user_identities')
    .values({
      user_id: identity.userId,
      provider: identity.provider,
      subject: identity.subject,
      email: identity.email,
    })
    .onConflict((oc) => oc.constraint('user_identities_provider_subject_key').doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** The identities linked to a user, oldest first. */
export function listIdentities(db: Db, userId: string): Promise<UserIdentity[]> {
  return db
    .selectFrom('user_identities')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
}

/**
 * A provider proved the mailbox of an account whose email was never verified: marks it verified and drops
 * the password, which whoever registered the address set without proving they own it. True when it applied.
 */
export async function claimUnverifiedAccount(db: Db, userId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      email_verified_at: at,
      password_hash: null,
      failed_login_count: 0,
      locked_until: null,
      updated_at: at,
    })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
