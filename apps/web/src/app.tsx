import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState, type ComponentType } from 'react'
import { AppShell, type NavItem } from './layout/app-shell'
import { Link, usePathname } from './router'
import { StatusPage } from './status/status-page'

interface Page extends NavItem {
  Component: ComponentType
}

// Every page the app has; the header navigation is built from this list, so it never links nowhere.
const PAGES: Page[] = [{ path: '/', label: 'System status', Component: StatusPage }]

function NotFoundPage() {
  return (
    <section className="panel" aria-labelledby="not-found-title">
      <h2 id="not-found-title">Page not found</h2>
      <p>
        There is nothing at this address. <Link to="/">Go to the system status</Link>.
      </p>
    </section>
  )
}

function Routes() {
  const pathname = usePathname()
  const page = PAGES.find((p) => p.path === pathname)
  const title = page?.label ?? 'Page not found'
  useEffect(() => {
    document.title = `${title} · Emporium`
  }, [title])
  const Component = page?.Component ?? NotFoundPage
  return (
    <AppShell nav={PAGES} currentPath={pathname}>
      <Component />
    </AppShell>
  )
}

/** The web app: data layer (TanStack Query) around the page router. */
export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      <Routes />
    </QueryClientProvider>
  )
}
