import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

// A minimal history router: enough for a handful of top-level pages without a dependency.
const listeners = new Set<() => void>()

/** Calls `listener` on every in-app navigation and on back/forward. */
export function subscribeToLocation(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/** The current path (`/`, `/status`, ...), re-rendering on navigation and back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribeToLocation, () => window.location.pathname)
}

/** Moves to another page of the app without reloading it; `replace` keeps the history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to)
  else {
    window.history.pushState(null, '', to)
    window.scrollTo(0, 0)
  }
  for (const listener of listeners) listener()
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/** An in-app link: a real `<a href>` (new tab, copy link work) that navigates client-side on a plain click. */
export function Link({ to, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
    if (event.defaultPrevented || event.button !== 0 || modified || props.target) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={handleClick} {...props} />
}
