import {
  claimUnverifiedAccount,
  findIdentity,
  findUserByEmail,
  insertIdentity,
  insertUser,
  type Db,
} from '@emporium/db'
import { TRPCError } from '@trpc/server'

/** What a provider told us about the person signing in. */
export interface ProviderProfile {
  provider: string
  providerName: string
  subject: string
  /** Normalized (trimmed, lower-case); null when the provider shared none or an unusable one. */
  email: string | null
  /** True only when the provider says `email_verified: true`. */
  emailVerified: boolean
  displayName: string | null
}

export interface AccountResolution {
  userId: string
  outcome: 'signed-in' | 'linked' | 'created'
  /** The account's email had never been verified; its password was dropped, so its sessions must end. */
  claimed: boolean
}

const raced = () =>
  new TRPCError({
    code: 'CONFLICT',
    message: 'Your account was being set up at the same moment. Please sign in again.',
  })

/**
 * Finds or creates the user behind a provider identity. A known identity signs in; otherwise an account with the
 * same email is linked only when the provider verified that email, and a new account is created when none exists.
 */
export async function resolveAccount(
  db: Db,
  profile: ProviderProfile,
  now: Date,
): Promise<AccountResolution> {
  const known = await findIdentity(db, profile.provider, profile.subject)
  if (known) return { userId: known.user_id, outcome: 'signed-in', claimed: false }
  const email = profile.email
  if (!email) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${profile.providerName} did not share your email address, which your account needs. Allow access to your email and try again.`,
    })
  }
  return db.transaction().execute(async (trx) => {
    const identity = { provider: profile.provider, subject: profile.subject, email }
    const existing = await findUserByEmail(trx, email)
    if (existing) {
      if (!profile.emailVerified) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `An account with ${email} already exists, and ${profile.providerName} has not confirmed that this address is yours. Sign in with your password instead, or confirm the address with ${profile.providerName} first.`,
        })
      }
      const claimed =
        existing.email_verified_at === null && (await claimUnverifiedAccount(trx, existing.id, now))
      if (!(await insertIdentity(trx, { ...identity, userId: existing.id }))) throw raced()
      return { userId: existing.id, outcome: 'linked' as const, claimed }
    }
    const created = await insertUser(trx, {
      email,
      passwordHash: null,
      displayName: profile.displayName,
      emailVerifiedAt: profile.emailVerified ? now : null,
    })
    if (!created) throw raced()
    if (!(await insertIdentity(trx, { ...identity, userId: created.id }))) throw raced()
    return { userId: created.id, outcome: 'created' as const, claimed: false }
  })
}
