import type { HealthReport, ServiceHealth } from '../trpc'

/** How each dependency is named on screen. */
export const SERVICE_LABELS: Record<ServiceHealth['name'], string> = {
  postgres: 'PostgreSQL',
  redis: 'Redis',
  temporal: 'Temporal',
  search: 'Search',
  payments: 'Payments',
  mail: 'Mail',
}

/** Words for a dependency's state, so the state never depends on colour alone. */
export const STATUS_TEXT: Record<ServiceHealth['status'], string> = {
  up: 'Up',
  down: 'Down',
  disabled: 'Disabled',
}

/** One line for the whole report, naming whichever dependencies are down. */
export function summariseHealth(report: HealthReport): string {
  const down = report.services.filter((s) => s.status === 'down').map((s) => SERVICE_LABELS[s.name])
  if (down.length === 0) return 'All systems operational'
  const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(down)
  return `Degraded: ${list} ${down.length === 1 ? 'is' : 'are'} down`
}

/** Latency as shown in the list; a disabled dependency was not probed. */
export function formatLatency(service: ServiceHealth): string {
  return service.status === 'disabled' ? 'not checked' : `${service.latencyMs} ms`
}
