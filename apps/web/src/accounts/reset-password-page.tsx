import { NewPasswordSchema, PASSWORD_MIN_LENGTH } from '@emporium/domain/accounts'
import { z } from 'zod'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { Link } from '../router'
import { useSearchParam } from '../router-search'
import { trpc } from '../trpc'
import { useSessionChanged } from './use-me'

const ResetForm = z.object({ newPassword: NewPasswordSchema })

/** Landing page of the reset mail: choose a new password with the `?token=` from the link. */
export function ResetPasswordPage() {
  const token = useSearchParam('token')
  const sessionChanged = useSessionChanged()
  const form = useSchemaForm({
    schema: ResetForm,
    submit: ({ newPassword }) =>
      trpc.auth.resetPassword.mutate({ token: token ?? '', newPassword }),
    // Every session of the account ended, this browser's included.
    onSuccess: () => sessionChanged(),
  })

  return (
    <section className="panel panel--narrow" aria-labelledby="reset-title">
      <h2 id="reset-title">Choose a new password</h2>
      {!token ? (
        <p role="alert" className="form-error">
          This link is missing its token. Open the link from the mail again, or{' '}
          <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      ) : form.mutation.isSuccess ? (
        <p role="status" className="form-success">
          Your password has been changed and you were signed out everywhere.{' '}
          <Link to="/sign-in">Sign in with your new password</Link>
        </p>
      ) : (
        <form onSubmit={form.onSubmit} noValidate aria-labelledby="reset-title">
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            errors={form.errors.newPassword}
          />
          <FormMessage error={form.formError} />
          {form.mutation.isError && !form.errors.newPassword ? (
            <p>
              <Link to="/forgot-password">Ask for a new link</Link>
            </p>
          ) : null}
          <SubmitButton pending={form.pending} pendingText="Saving…">
            Set new password
          </SubmitButton>
        </form>
      )}
    </section>
  )
}
