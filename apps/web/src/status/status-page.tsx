import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'
import { summariseHealth } from './health-text'
import { ServiceList } from './service-list'

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Live view of `health.check`, refreshed every 5 seconds. */
export function StatusPage() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => trpc.health.check.query(),
    refetchInterval: 5000,
  })

  return (
    <section className="panel" aria-labelledby="status-title">
      <div className="panel__head">
        <h2 id="status-title">System status</h2>
        {health.isFetching ? (
          <span className="muted" aria-hidden="true">
            Refreshing…
          </span>
        ) : null}
      </div>

      {health.isPending ? (
        <p role="status">Checking services…</p>
      ) : health.isError && !health.data ? (
        <div className="alert" role="alert">
          <p>
            <strong>The Emporium API is not answering.</strong> Make sure it is running (
            <code>npm start</code>), then try again.
          </p>
          <details>
            <summary>Technical detail</summary>
            <code>{errorText(health.error)}</code>
          </details>
          <button type="button" onClick={() => void health.refetch()} disabled={health.isFetching}>
            {health.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      ) : (
        <>
          <p className={`overall overall--${health.data.status}`} role="status">
            <span aria-hidden="true">{health.data.status === 'ok' ? '✓ ' : '⚠ '}</span>
            {summariseHealth(health.data)}
          </p>
          <p className="muted">
            Last checked at{' '}
            <time dateTime={health.data.checkedAt}>{formatTime(health.data.checkedAt)}</time>;
            refreshes every 5 seconds.
          </p>
          {health.isError ? (
            <div className="alert" role="alert">
              <p>
                The last refresh failed ({errorText(health.error)}); showing the previous results.
              </p>
              <button
                type="button"
                onClick={() => void health.refetch()}
                disabled={health.isFetching}
              >
                Retry now
              </button>
            </div>
          ) : null}
          <ServiceList services={health.data.services} />
        </>
      )}
    </section>
  )
}
