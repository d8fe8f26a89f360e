/** Lists of workflows an operator looks at, as Temporal visibility queries. */
export const WORKFLOW_LISTS = [
  { label: 'Running workflows', query: 'ExecutionStatus="Running"' },
  { label: 'Failed workflows', query: 'ExecutionStatus="Failed"' },
  { label: 'Timed-out workflows', query: 'ExecutionStatus="TimedOut"' },
  { label: 'Terminated workflows', query: 'ExecutionStatus="Terminated"' },
  { label: 'All workflows', query: '' },
] as const

/** A Temporal UI address listing the workflows of `namespace` that match `query`. */
export function temporalListUrl(base: string, namespace: string, query: string): string {
  const root = `${base.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows`
  return query ? `${root}?query=${encodeURIComponent(query)}` : root
}
