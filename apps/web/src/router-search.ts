import { useSyncExternalStore } from 'react'
import { subscribeToLocation } from './router'

/** The current query string without its `?` (`token=abc`), as links in mails carry it. */
export function useSearch(): string {
  return useSyncExternalStore(subscribeToLocation, () => window.location.search.replace(/^\?/, ''))
}

/** One query parameter of the current address, or null. */
export function useSearchParam(name: string): string | null {
  return new URLSearchParams(useSearch()).get(name)
}
