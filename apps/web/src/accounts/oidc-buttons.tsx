import { useMutation, useQuery } from '@tanstack/react-query'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { trpc } from '../trpc'

/** "Sign in with …" for each configured OpenID Connect provider; nothing when none is configured. */
export function OidcButtons({ returnTo }: { returnTo: string }) {
  const providers = useQuery({
    queryKey: ['oidc', 'providers'],
    queryFn: () => trpc.oidc.providers.query(),
    staleTime: 300_000,
  })
  const start = useMutation({
    mutationFn: (provider: string) => trpc.oidc.start.mutate({ provider, returnTo }),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  })
  if (providers.isError) {
    return <p className="muted">Other sign-in options could not be loaded.</p>
  }
  if (!providers.data?.length) return null
  return (
    <div className="oidc" aria-label="Other ways to sign in" role="group">
      <p className="divider">or</p>
      {providers.data.map((p) => (
        <button
          key={p.id}
          type="button"
          className="button--secondary"
          disabled={start.isPending}
          onClick={() => start.mutate(p.id)}
        >
          {start.isPending && start.variables === p.id ? 'Redirecting…' : `Sign in with ${p.name}`}
        </button>
      ))}
      <FormMessage error={start.error ? errorMessage(start.error) : null} />
    </div>
  )
}
