import type { ReactNode } from 'react'
import { useMe } from '../accounts/use-me'
import { errorMessage } from '../forms/field-errors'
import { Link } from '../router'
import type { Me } from '../trpc'

/** Renders `children` for a signed-in user; otherwise a loading, error or "please sign in" state. */
export function RequireSignIn({
  title,
  returnTo,
  children,
}: {
  title: string
  returnTo: string
  children: (me: NonNullable<Me>) => ReactNode
}) {
  const me = useMe()
  if (me.isPending) {
    return (
      <section className="panel" aria-busy="true">
        <p role="status">Loading…</p>
      </section>
    )
  }
  if (me.isError) {
    return (
      <section className="panel" aria-labelledby="page-error-title">
        <h2 id="page-error-title">{title}</h2>
        <div className="alert" role="alert">
          <p>{errorMessage(me.error)}</p>
          <button type="button" onClick={() => void me.refetch()} disabled={me.isFetching}>
            {me.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      </section>
    )
  }
  if (!me.data) {
    return (
      <section className="panel panel--narrow" aria-labelledby="signed-out-title">
        <h2 id="signed-out-title">{title}</h2>
        <p>You are signed out.</p>
        <p>
          <Link to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>Sign in</Link> or{' '}
          <Link to="/sign-up">create an account</Link> to continue.
        </p>
      </section>
    )
  }
  return <>{children(me.data)}</>
}
