import type { ReactNode } from 'react'

/** The page's main heading (level 2 under the site's brand), labelling its section. */
export function PageSection({
  id,
  title,
  children,
  actions,
}: {
  id: string
  title: ReactNode
  children: ReactNode
  actions?: ReactNode
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel__head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  )
}
