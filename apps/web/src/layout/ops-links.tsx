import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'

/** Operator links (Temporal UI, mail catcher, API endpoint); nothing is shown until the API answers. */
export function OpsLinks() {
  const links = useQuery({
    queryKey: ['health', 'links'],
    queryFn: () => trpc.health.links.query(),
    staleTime: 60_000,
  })
  if (!links.data) return null
  const { temporalUi, mailpit, api } = links.data
  return (
    <nav aria-label="Operations">
      <ul className="ops-links">
        <li>
          <a href={temporalUi} target="_blank" rel="noreferrer">
            Temporal UI
          </a>
        </li>
        {mailpit ? (
          <li>
            <a href={mailpit} target="_blank" rel="noreferrer">
              Mailpit
            </a>
          </li>
        ) : null}
        <li>
          <a href={api} target="_blank" rel="noreferrer">
            API endpoint
          </a>
        </li>
      </ul>
    </nav>
  )
}
