import { describeApiError } from '../api-error'

interface ApiErrorAlertProps {
  error: unknown
  /** True when older results are still on screen below the alert. */
  stale: boolean
  retrying: boolean
  onRetry: () => void
}

/** Says why the status could not be fetched, what to do about it, and offers a retry. */
export function ApiErrorAlert({ error, stale, retrying, onRetry }: ApiErrorAlertProps) {
  const { reachable, headline, detail } = describeApiError(error)
  const advice = reachable ? (
    'Its log has the details.'
  ) : (
    <>
      Make sure it is running (<code>npm start</code>), then try again.
    </>
  )
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{headline}</strong> {stale ? 'Showing the previous results. ' : ''}
        {advice}
      </p>
      <details>
        <summary>Technical detail</summary>
        <code>{detail}</code>
      </details>
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  )
}
