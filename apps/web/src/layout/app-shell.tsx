import type { ReactNode } from 'react'
import { Link } from '../router'
import { OpsLinks } from './ops-links'

export interface NavItem {
  path: string
  label: string
}

/** Page frame: header with the brand and navigation, the page itself, a footer with operator links. */
export function AppShell({
  nav,
  currentPath,
  actions,
  search,
  children,
}: {
  nav: NavItem[]
  currentPath: string
  /** Shown at the end of the header (the signed-in user's menu). */
  actions?: ReactNode
  /** The product search field. */
  search?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Emporium
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            {nav.map((item) => (
              <li key={item.path}>
                <Link to={item.path} aria-current={item.path === currentPath ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {search}
        {actions}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <OpsLinks />
      </footer>
    </div>
  )
}
