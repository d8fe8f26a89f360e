import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'
import { ApiErrorAlert } from './api-error-alert'
import { summariseHealth } from './health-text'
import { ServiceList } from './service-list'

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
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
        <ApiErrorAlert
          error={health.error}
          stale={false}
          retrying={health.isFetching}
          onRetry={() => void health.refetch()}
        />
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
            <ApiErrorAlert
              error={health.error}
              stale
              retrying={health.isFetching}
              onRetry={() => void health.refetch()}
            />
          ) : null}
          <ServiceList services={health.data.services} />
        </>
      )}
    </section>
  )
}
