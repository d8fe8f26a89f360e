import { describe, expect, it } from 'vitest'
import type { HealthReport, ServiceHealth } from '../trpc'
import { formatLatency, summariseHealth } from './health-text'

const service = (name: ServiceHealth['name'], status: ServiceHealth['status']): ServiceHealth => ({
  name,
  status,
  latencyMs: 3,
  detail: '',
})

const report = (services: ServiceHealth[]): HealthReport => ({
  status: services.some((s) => s.status === 'down') ? 'degraded' : 'ok',
  checkedAt: '2025-01-01T00:00:00.000Z',
  services,
})

describe('summariseHealth', () => {
  it('says all is well when nothing is down, even with a disabled service', () => {
    expect(summariseHealth(report([service('postgres', 'up'), service('mail', 'disabled')]))).toBe(
      'All systems operational',
    )
  })

  it('names the one service that is down', () => {
    expect(summariseHealth(report([service('postgres', 'up'), service('redis', 'down')]))).toBe(
      'Degraded: Redis is down',
    )
  })

  it('lists several down services in order', () => {
    const text = summariseHealth(
      report([service('postgres', 'down'), service('temporal', 'down'), service('search', 'down')]),
    )
    expect(text).toBe('Degraded: PostgreSQL, Temporal, and Search are down')
  })
})

describe('formatLatency', () => {
  it('shows milliseconds for a probed service and no number for a disabled one', () => {
    expect(formatLatency(service('redis', 'up'))).toBe('3 ms')
    expect(formatLatency(service('mail', 'disabled'))).toBe('not checked')
  })
})
