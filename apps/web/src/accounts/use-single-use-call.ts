import { useEffect, useState } from 'react'

export type CallState<T> =
  | { status: 'pending' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown }

// Calls that spend a single-use token run once per token for the page's lifetime, whatever remounts.
const calls = new Map<string, Promise<unknown>>()

/** Runs `call(key)` once for `key` (a mailed token, a callback query) on arrival and tracks its outcome. */
export function useSingleUseCall<T>(key: string | null, call: (key: string) => Promise<T>) {
  const [state, setState] = useState<CallState<T>>({ status: 'pending' })
  useEffect(() => {
    if (!key) return
    let live = true
    let promise = calls.get(key) as Promise<T> | undefined
    if (!promise) {
      promise = call(key)
      calls.set(key, promise)
    }
    promise.then(
      (data) => live && setState({ status: 'success', data }),
      (error: unknown) => live && setState({ status: 'error', error }),
    )
    return () => {
      live = false
    }
    // `call` is a fresh closure each render; the key alone decides whether to call.
  }, [key])
  return state
}
