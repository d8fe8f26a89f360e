import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { errorMessage } from '../forms/field-errors'

/**
 * What every data-backed part of a page shows: a spoken "Loading …" while the first answer is on
 * its way, the API's message with a Retry button when it fails, then the data.
 */
export function QueryView<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>
  /** What is being loaded, for the messages ("products", "your cart"). */
  what: string
  children: (data: T) => ReactNode
}) {
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading {what}…
      </p>
    )
  }
  if (query.isError) {
    return (
      <div className="alert" role="alert">
        <p>
          <strong>Could not load {what}.</strong> {errorMessage(query.error)}
        </p>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    )
  }
  return <>{children(query.data)}</>
}
