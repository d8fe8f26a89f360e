import { useQueryClient } from '@tanstack/react-query'
import { errorMessage } from '../forms/field-errors'
import { Link } from '../router'
import { useSearchParam } from '../router-search'
import { trpc } from '../trpc'
import { ME_KEY, useMe } from './use-me'
import { useSingleUseCall } from './use-single-use-call'

/** Landing page of the verification mail: confirms the address from `?token=` once, on arrival. */
export function VerifyEmailPage() {
  const token = useSearchParam('token')
  const me = useMe()
  const queryClient = useQueryClient()
  const verify = useSingleUseCall(token, async (t) => {
    const result = await trpc.auth.verifyEmail.mutate({ token: t })
    // Same user, now verified: re-read it in the background.
    void queryClient.invalidateQueries({ queryKey: ME_KEY })
    return result
  })

  return (
    <section className="panel panel--narrow" aria-labelledby="verify-title">
      <h2 id="verify-title">Confirm your email</h2>
      <div aria-live="polite">
        {!token ? (
          <p role="alert" className="form-error">
            This link is missing its token. Open the link from the mail again.
          </p>
        ) : verify.status === 'success' ? (
          <p role="status" className="form-success">
            <strong>Email confirmed.</strong> Thank you!
          </p>
        ) : verify.status === 'error' ? (
          <p role="alert" className="form-error">
            {errorMessage(verify.error)}
          </p>
        ) : (
          <p role="status">Confirming your email…</p>
        )}
      </div>
      {verify.status === 'error' ? (
        <p>
          {me.data
            ? 'You can ask for a new link from your account page.'
            : 'Sign in to ask for a new link.'}
        </p>
      ) : null}
      <p>
        {me.data ? (
          <Link to="/account">Go to your account</Link>
        ) : (
          <Link to="/sign-in">Sign in</Link>
        )}
      </p>
    </section>
  )
}
