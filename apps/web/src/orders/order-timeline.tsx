import type { OrderDetail } from '../trpc'

/** The order's tracking timeline, oldest first: status changes, shipments and carrier scans. */
export function OrderTimeline({ entries }: { entries: OrderDetail['timeline'] }) {
  if (entries.length === 0) return <p>Nothing has happened yet.</p>
  return (
    <ol className="timeline" aria-label="Tracking timeline">
      {entries.map((e, i) => (
        <li key={`${e.kind}-${e.at}-${i}`}>
          <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
          <strong> {e.title}</strong>
          {e.kind === 'status' && e.note ? <p>{e.note}</p> : null}
          {e.kind === 'shipment' ? (
            <p>
              {e.storeName}: {e.carrier} tracking number {e.trackingNumber}
            </p>
          ) : null}
          {e.kind === 'tracking' ? (
            <p>
              {[e.description, e.location].filter(Boolean).join(' · ')} ({e.carrier}{' '}
              {e.trackingNumber})
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
