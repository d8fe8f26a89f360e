import type { ServiceHealth } from '../trpc'
import { formatLatency, SERVICE_LABELS, STATUS_TEXT } from './health-text'

const STATUS_ICON: Record<ServiceHealth['status'], string> = { up: '✓', down: '✕', disabled: '–' }

/** One card per dependency: name, state in words, latency, detail and, when known, its address. */
export function ServiceList({ services }: { services: ServiceHealth[] }) {
  return (
    <ul className="service-list" aria-label="Dependencies">
      {services.map((service) => {
        const headingId = `service-${service.name}`
        return (
          <li
            key={service.name}
            className={`service service--${service.status}`}
            aria-labelledby={headingId}
          >
            <div className="service__head">
              <h3 id={headingId}>{SERVICE_LABELS[service.name]}</h3>
              <span className={`badge badge--${service.status}`}>
                <span aria-hidden="true">{STATUS_ICON[service.status]} </span>
                <span className="visually-hidden">Status: </span>
                {STATUS_TEXT[service.status]}
              </span>
            </div>
            <dl className="service__facts">
              <dt>Latency</dt>
              <dd>{formatLatency(service)}</dd>
              <dt>Detail</dt>
              <dd className="service__detail">{service.detail || '—'}</dd>
              {service.url ? (
                <>
                  <dt>Address</dt>
                  <dd className="service__url">
                    <code>{service.url}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        )
      })}
    </ul>
  )
}
