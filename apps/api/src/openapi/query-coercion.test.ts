import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'

describe('REST query strings are read as numbers without loosening tRPC inputs', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('parses ?limit=2 over REST, while tRPC still refuses the string "2" where a number is expected', async () => {
    const rest = await fetch(`${api.url}/api/search/autocomplete?prefix=ph&limit=2`)
    expect(rest.status).toBe(200)
    const { products } = (await rest.json()) as { products: unknown[] }
    expect(products.length).toBeLessThanOrEqual(2)

    // The REST call above ran first: it must not have switched coercion on in the shared schema.
    const trpc = createTestClient(api.url).client
    const refused = await errorOf(
      trpc.search.autocomplete.query({ prefix: 'ph', limit: '2' as unknown as number }),
    )
    expect(refused?.data?.code).toBe('BAD_REQUEST')
    expect(refused?.message).toMatch(/expected number, received string/)
    expect(refused?.message).toMatch(/limit/)
    expect(refused?.data?.fieldErrors).toHaveProperty('limit')
    await expect(trpc.search.autocomplete.query({ prefix: 'ph', limit: 2 })).resolves.toBeTruthy()
  })

  it('refuses a query value that is not a number, and a JSON body that sends one as text', async () => {
    const word = await fetch(`${api.url}/api/search/autocomplete?limit=two`)
    expect(word.status).toBe(400)
    const { issues } = (await word.json()) as { issues: { path: string[] }[] }
    expect(issues.map((issue) => issue.path)).toEqual([['limit']])

    const body = await fetch(`${api.url}/api/catalog/listProducts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currency: 'USD', limit: '3' }),
    })
    expect(body.status).toBe(400)
    expect(await body.json()).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: ['limit'] }] })
  })
})
