import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from '../root'
import { startApiServer, type RunningApi } from '../server'

describe('health (API against the real stack)', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0 })
  })
  afterAll(async () => {
    await api.close()
  })

  it('reports every dependency up through the tRPC client', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${api.url}/trpc` })],
    })
    const report = await client.health.check.query()
    expect(report.status).toBe('ok')
    expect(Object.fromEntries(report.services.map((s) => [s.name, s.status]))).toEqual({
      postgres: 'up',
      redis: 'up',
      temporal: 'up',
      search: 'up',
      payments: 'up',
      mail: 'up',
    })
    expect(report.services.find((s) => s.name === 'search')?.detail).toMatch(/^Typesense /)
    expect(report.services.find((s) => s.name === 'postgres')?.detail).toMatch(/^PostgreSQL \d+/)
  })

  it('serves /healthz for load balancers with a request id', async () => {
    const response = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { status: string }).status).toBe('ok')
  })

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${api.url}/nope`)).status).toBe(404)
  })
})

describe('health with optional services unset (embedded defaults)', () => {
  it('falls back to Postgres search, the test gateway and in-memory mail', async () => {
    const api = await startApiServer({
      config: testConfig({ TYPESENSE_URL: '', STRIPE_SECRET_KEY: '', SMTP_URL: '' }),
      port: 0,
    })
    try {
      const client = createTRPCClient<AppRouter>({
        links: [httpBatchLink({ url: `${api.url}/trpc` })],
      })
      const report = await client.health.check.query()
      const byName = Object.fromEntries(report.services.map((s) => [s.name, s]))
      expect(report.status).toBe('ok')
      expect(byName.search?.detail).toMatch(/PostgreSQL search engine/)
      expect(byName.payments?.detail).toMatch(/built-in test payment gateway/)
      expect(byName.mail?.detail).toMatch(/in memory/)
    } finally {
      await api.close()
    }
  })
})

describe('health when Redis is unreachable', () => {
  it('reports degraded and /healthz answers 503', async () => {
    const api = await startApiServer({
      config: testConfig({ REDIS_URL: 'redis://127.0.0.1:1/0' }),
      port: 0,
    })
    try {
      const client = createTRPCClient<AppRouter>({
        links: [httpBatchLink({ url: `${api.url}/trpc` })],
      })
      const report = await client.health.check.query()
      expect(report.status).toBe('degraded')
      expect(report.services.find((s) => s.name === 'redis')?.status).toBe('down')
      expect((await fetch(`${api.url}/healthz`)).status).toBe(503)
    } finally {
      await api.close()
    }
  })
})
