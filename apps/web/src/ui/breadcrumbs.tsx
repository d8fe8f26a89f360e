import { Link } from '../router'

/** A category trail, root first; the last crumb is the current page. */
export function Breadcrumbs({
  trail,
  current,
}: {
  trail: readonly { path: string; name: string }[]
  /** The page itself when it is not the last category (a product). */
  current?: string
}) {
  return (
    <nav aria-label="Breadcrumbs">
      <ol className="breadcrumbs">
        <li>
          <Link to="/">Home</Link>
        </li>
        {trail.map((c, i) => {
          const last = current === undefined && i === trail.length - 1
          return (
            <li key={c.path}>
              {last ? (
                <span aria-current="page">{c.name}</span>
              ) : (
                <Link to={`/c/${c.path}`}>{c.name}</Link>
              )}
            </li>
          )
        })}
        {current !== undefined ? (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        ) : null}
      </ol>
    </nav>
  )
}
