import { errorMessage } from '../forms/field-errors'
import { Link, navigate } from '../router'
import { useSearch } from '../router-search'
import { trpc } from '../trpc'
import { safeReturnTo } from './return-to'
import { useSessionChanged } from './use-me'
import { useSingleUseCall } from './use-single-use-call'

/** Where an OpenID Connect provider sends the browser back: finishes the sign-in from the query, once. */
export function OidcCallbackPage() {
  const query = useSearch()
  const sessionChanged = useSessionChanged()
  const complete = useSingleUseCall(query || null, async (q) => {
    const { returnTo } = await trpc.oidc.complete.mutate({ query: q })
    await sessionChanged()
    navigate(safeReturnTo(returnTo))
  })

  return (
    <section className="panel panel--narrow" aria-labelledby="callback-title">
      <h2 id="callback-title">Signing you in</h2>
      <div aria-live="polite">
        {!query ? (
          <p role="alert" className="form-error">
            This page is missing the answer from the sign-in provider.
          </p>
        ) : complete.status === 'error' ? (
          <p role="alert" className="form-error">
            {complete.status === 'error' ? errorMessage(complete.error) : null}
          </p>
        ) : (
          <p role="status">Finishing sign-in…</p>
        )}
      </div>
      {!query || complete.status === 'error' ? (
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      ) : null}
    </section>
  )
}
