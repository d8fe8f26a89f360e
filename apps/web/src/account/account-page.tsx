import { RequireSignIn } from './require-sign-in'
import { AddressBookSection } from './address-book-section'
import { ChangePasswordSection } from './change-password-section'
import { ProfileSection } from './profile-section'
import { SessionsSection } from './sessions-section'

/** The signed-in user's account: profile, password, sessions and address book. */
export function AccountPage() {
  return (
    <RequireSignIn title="Your account" returnTo="/account">
      {(me) => (
        <div className="stack">
          <h2>Your account</h2>
          <ProfileSection me={me} />
          <SessionsSection />
          <ChangePasswordSection />
          <AddressBookSection />
        </div>
      )}
    </RequireSignIn>
  )
}
