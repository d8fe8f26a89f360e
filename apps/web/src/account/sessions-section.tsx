import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSessionChanged } from '../accounts/use-me'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { navigate } from '../router'
import { trpc, type SessionView } from '../trpc'
import { describeUserAgent } from './user-agent'

/** Query key of the session list. */
export const SESSIONS_KEY = ['auth', 'sessions'] as const

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function SessionItem({ session }: { session: SessionView }) {
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: () => trpc.auth.revokeSession.mutate({ sessionId: session.id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  })
  const device = describeUserAgent(session.userAgent)
  return (
    <li className="session">
      <div>
        <strong>{device}</strong>{' '}
        {session.current ? <span className="badge badge--up">This device</span> : null}
        <p className="muted">
          {session.ip ?? 'Unknown address'} · signed in {when(session.createdAt)} · last active{' '}
          {when(session.lastSeenAt)}
        </p>
      </div>
      {session.current ? null : (
        <button
          type="button"
          className="button--secondary"
          onClick={() => revoke.mutate()}
          disabled={revoke.isPending}
          aria-label={`Revoke session on ${device} from ${session.ip ?? 'unknown address'}`}
        >
          {revoke.isPending ? 'Revoking…' : 'Revoke'}
        </button>
      )}
      <FormMessage error={revoke.error ? errorMessage(revoke.error) : null} />
    </li>
  )
}

/** The user's active sessions, each revocable, plus "sign out everywhere". */
export function SessionsSection() {
  const sessionChanged = useSessionChanged()
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => trpc.auth.listSessions.query(),
  })
  const everywhere = useMutation({
    mutationFn: () => trpc.auth.logoutEverywhere.mutate(),
    onSuccess: async () => {
      await sessionChanged()
      navigate('/sign-in')
    },
  })
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <div className="panel__head">
        <h3 id="sessions-title">Active sessions</h3>
        {sessions.isFetching && sessions.data ? (
          <span className="muted" aria-hidden="true">
            Refreshing…
          </span>
        ) : null}
      </div>
      {sessions.isPending ? (
        <p role="status">Loading sessions…</p>
      ) : sessions.isError ? (
        <div className="alert" role="alert">
          <p>{errorMessage(sessions.error)}</p>
          <button type="button" onClick={() => void sessions.refetch()}>
            Retry
          </button>
        </div>
      ) : (
        <ul className="session-list" aria-label="Sessions">
          {sessions.data.map((s) => (
            <SessionItem key={s.id} session={s} />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button--danger"
        onClick={() => everywhere.mutate()}
        disabled={everywhere.isPending}
      >
        {everywhere.isPending ? 'Signing out…' : 'Sign out everywhere'}
      </button>
      <FormMessage error={everywhere.error ? errorMessage(everywhere.error) : null} />
    </section>
  )
}
