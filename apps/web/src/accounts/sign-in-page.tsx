import { LoginInput } from '@emporium/domain/accounts'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { Link, navigate } from '../router'
import { useSearchParam } from '../router-search'
import { trpc } from '../trpc'
import { OidcButtons } from './oidc-buttons'
import { safeReturnTo } from './return-to'
import { useSessionChanged } from './use-me'

/** Email + password sign-in, plus any "Sign in with …" providers. */
export function SignInPage() {
  const returnTo = safeReturnTo(useSearchParam('returnTo'))
  const sessionChanged = useSessionChanged()
  const form = useSchemaForm({
    schema: LoginInput,
    submit: (input) => trpc.auth.login.mutate({ ...input, client: 'web' }),
    onSuccess: async () => {
      await sessionChanged()
      navigate(returnTo)
    },
  })
  return (
    <section className="panel panel--narrow" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="sign-in-title">
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
          autoComplete="current-password"
          required
          errors={form.errors.password}
        />
        <FormMessage error={form.formError} />
        <SubmitButton pending={form.pending} pendingText="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <OidcButtons returnTo={returnTo} />
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to="/sign-up">Create an account</Link>
      </p>
    </section>
  )
}
