import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { temporalListUrl, WORKFLOW_LISTS } from './temporal-links'

// The build can point at another Temporal UI or namespace; by default the API's own settings apply.
const UI_OVERRIDE = import.meta.env.VITE_TEMPORAL_UI_URL as string | undefined
const NAMESPACE = (import.meta.env.VITE_TEMPORAL_NAMESPACE as string | undefined) ?? 'default'

/** Operators' way into the Temporal UI (running and failed workflows) and, in development, the mail catcher. */
export function WorkflowsPage() {
  const links = useQuery({
    queryKey: ['health', 'links'],
    queryFn: () => trpc.health.links.query(),
    staleTime: 60_000,
  })
  return (
    <PageSection id="workflows-title" title="Workflows">
      <QueryView query={links} what="operator links">
        {(data) => {
          const base = UI_OVERRIDE ?? data.temporalUi
          return (
            <>
              <p>
                Checkout, order and notification workflows run on Temporal (namespace{' '}
                <code>{NAMESPACE}</code>). These links open its UI in a new tab.
              </p>
              <ul aria-label="Workflow lists" className="stack plain">
                {WORKFLOW_LISTS.map((list) => (
                  <li key={list.label}>
                    <a
                      href={temporalListUrl(base, NAMESPACE, list.query)}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {list.label}
                    </a>
                  </li>
                ))}
              </ul>
              {data.mailpit ? (
                <p>
                  Mail sent in development is caught by{' '}
                  <a href={data.mailpit} target="_blank" rel="noreferrer">
                    the mail catcher (Mailpit)
                  </a>
                  .
                </p>
              ) : null}
            </>
          )
        }}
      </QueryView>
    </PageSection>
  )
}
