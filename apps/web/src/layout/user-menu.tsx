import { useMutation } from '@tanstack/react-query'
import { useMe, useSessionChanged } from '../accounts/use-me'
import { errorMessage } from '../forms/field-errors'
import { Link, navigate } from '../router'
import { trpc } from '../trpc'

/** Who is signed in (from `auth.me`) with a sign-out button, or sign-in / sign-up links. */
export function UserMenu() {
  const me = useMe()
  const sessionChanged = useSessionChanged()
  const logout = useMutation({
    mutationFn: () => trpc.auth.logout.mutate(),
    onSuccess: async () => {
      await sessionChanged()
      navigate('/sign-in')
    },
  })
  if (me.isPending) return <div className="user-menu" aria-busy="true" />
  if (!me.data) {
    return (
      <div className="user-menu">
        <Link to="/sign-in">Sign in</Link>
        <Link to="/sign-up" className="button-link">
          Create account
        </Link>
      </div>
    )
  }
  return (
    <div className="user-menu">
      <span className="user-menu__who">
        Signed in as{' '}
        <Link to="/account" aria-label={`Your account (${me.data.email})`}>
          {me.data.displayName ?? me.data.email}
        </Link>
      </span>
      <button
        type="button"
        className="button--secondary"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {logout.isError ? (
        <p role="alert" className="form-error">
          {errorMessage(logout.error)}
        </p>
      ) : null}
    </div>
  )
}
