import type { ImportStatus } from '../trpc'

/** A progress bar for a running import, spoken as "12 of 40 rows". */
export function ImportProgress({ status }: { status: ImportStatus }) {
  const total = Math.max(status.total, 1)
  return (
    <div className="stack">
      <label htmlFor="import-progress">Import progress</label>
      <progress id="import-progress" max={total} value={status.processed}>
        {status.processed} of {status.total}
      </progress>
      <p role="status">
        {status.processed} of {status.total} rows processed: {status.imported} imported,{' '}
        {status.failed} failed{status.done ? '. Done.' : '…'}
      </p>
    </div>
  )
}
