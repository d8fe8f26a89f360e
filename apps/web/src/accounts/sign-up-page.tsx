import { RegisterInput } from '@emporium/domain/accounts'
import { PASSWORD_MIN_LENGTH } from '@emporium/domain/accounts'
import { errorMessage } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { Link } from '../router'
import { trpc } from '../trpc'
import { useSessionChanged } from './use-me'

interface SignUpResult {
  email: string
  /** Why the automatic sign-in after registering did not work, if it did not. */
  signInError: string | null
}

/** Registration; afterwards "check your inbox" and an automatic sign-in with the new credentials. */
export function SignUpPage() {
  const sessionChanged = useSessionChanged()
  const form = useSchemaForm({
    schema: RegisterInput,
    prepare: (v) => ({ ...v, displayName: v.displayName?.trim() ? v.displayName : undefined }),
    submit: async (input): Promise<SignUpResult> => {
      await trpc.auth.register.mutate(input)
      try {
        await trpc.auth.login.mutate({ email: input.email, password: input.password })
        await sessionChanged()
        return { email: input.email, signInError: null }
      } catch (error) {
        // The address may belong to an older account with another password: the mail explains.
        return { email: input.email, signInError: errorMessage(error) }
      }
    },
  })

  const done = form.mutation.data
  if (done) {
    return (
      <section className="panel panel--narrow" aria-labelledby="inbox-title">
        <h2 id="inbox-title" tabIndex={-1} ref={(h) => h?.focus()}>
          Check your inbox
        </h2>
        <p role="status">
          We sent a link to <strong>{done.email}</strong>. Open it to confirm your email address.
        </p>
        {done.signInError ? (
          <p>
            We could not sign you in automatically ({done.signInError}).{' '}
            <Link to="/sign-in">Sign in</Link>
          </p>
        ) : (
          <p>
            You are signed in. <Link to="/account">Go to your account</Link>
          </p>
        )}
      </section>
    )
  }

  return (
    <section className="panel panel--narrow" aria-labelledby="sign-up-title">
      <h2 id="sign-up-title">Create an account</h2>
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="sign-up-title">
        <Field
          label="Name (optional)"
          name="displayName"
          autoComplete="name"
          errors={form.errors.displayName}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={form.errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          errors={form.errors.password}
        />
        <FormMessage error={form.formError} />
        <SubmitButton pending={form.pending} pendingText="Creating your account…">
          Create account
        </SubmitButton>
      </form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  )
}
