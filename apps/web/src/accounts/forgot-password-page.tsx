import { EmailSchema } from '@emporium/domain/accounts'
import { z } from 'zod'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { Link } from '../router'
import { trpc } from '../trpc'

// The input of auth.requestPasswordReset, built from the same email rule.
const ForgotInput = z.object({ email: EmailSchema })

/** Asks for a password-reset mail; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const form = useSchemaForm({
    schema: ForgotInput,
    submit: (input) => trpc.auth.requestPasswordReset.mutate(input),
  })
  return (
    <section className="panel panel--narrow" aria-labelledby="forgot-title">
      <h2 id="forgot-title">Forgot your password?</h2>
      {form.mutation.isSuccess ? (
        <p role="status">
          Check your inbox: if an account uses that address, we sent it a link to choose a new
          password. The link works once, for one hour.
        </p>
      ) : (
        <form onSubmit={form.onSubmit} noValidate aria-labelledby="forgot-title">
          <p>Enter your email address and we will send you a link to choose a new password.</p>
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            errors={form.errors.email}
          />
          <FormMessage error={form.formError} />
          <SubmitButton pending={form.pending} pendingText="Sending…">
            Send reset link
          </SubmitButton>
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  )
}
