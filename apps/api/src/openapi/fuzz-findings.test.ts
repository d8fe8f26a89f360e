import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { createTestUser } from '../testing/users'

const ORIGIN = 'http://127.0.0.1:5173'

/** Regression tests for what schemathesis found fuzzing the REST API (`npm run fuzz`). */
describe('REST API answers the fuzzer found wrong', () => {
  let api: RunningApi
  let document: OpenAPIV3_1.Document
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    document = (await (await fetch(`${api.url}/openapi.json`)).json()) as OpenAPIV3_1.Document
  })
  afterAll(async () => {
    await api.close()
  })

  const declared = (path: string, method: 'get' | 'post') =>
    Object.keys(document.paths?.[path]?.[method]?.responses ?? {})
  const postJson = (path: string, body: unknown) =>
    fetch(`${api.url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(body),
    })

  it('refuses a search in an unsupported currency with 400 and the currencies it takes (was a 500 from the search engine)', async () => {
    const response = await postJson('/search/products', { q: 'phone', currency: 'LGN' })
    expect(response.status).toBe(400)
    const { issues } = (await response.json()) as { issues: { path: string[]; message: string }[] }
    expect(issues.map((issue) => issue.path)).toEqual([['currency']])
    expect(issues[0]?.message).toMatch(/Currency "LGN" is not supported; use one of .*USD/)
    const viaTrpc = await errorOf(
      createTestClient(api.url).client.search.products.query({ q: 'phone', currency: 'LGN' }),
    )
    expect(viaTrpc?.data?.code).toBe('BAD_REQUEST')
  })

  it('answers a POST without a JSON content type with 415, which the document declares', async () => {
    const response = await fetch(`${api.url}/api/cart/addLine`, {
      method: 'POST',
      headers: { origin: ORIGIN },
    })
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' })
    expect(declared('/cart/addLine', 'post')).toContain('415')
  })

  it('answers adding an unknown variant with 404, which the document declares', async () => {
    const response = await postJson('/cart/addLine', { variantId: randomUUID(), quantity: 1 })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That product is not available.',
    })
    expect(declared('/cart/addLine', 'post')).toContain('404')
  })

  it('answers a wrong password with 401, which the document declares for auth.login', async () => {
    const user = await createTestUser(api.deps.db)
    const response = await postJson('/auth/login', { email: user.email, password: 'not it' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Email or password is incorrect.',
    })
    expect(declared('/auth/login', 'post')).toContain('401')
  })

  it('ignores query keys named like object internals (a `constructor` key stopped the whole API)', async () => {
    const query = 'prefix=ph&limit=2&constructor=1&__proto__=2&toString=3&hasOwnProperty=4'
    const response = await fetch(`${api.url}/api/search/autocomplete?${query}`)
    expect(response.status).toBe(200)
    const { products } = (await response.json()) as { products: unknown[] }
    expect(products.length).toBeLessThanOrEqual(2)
    expect((await fetch(`${api.url}/api/catalog/listCategories`)).status).toBe(200)
  })

  it('refuses text holding a NUL character with 400 naming the field (PostgreSQL refused it: a 500)', async () => {
    const response = await postJson('/catalog/listProducts', {
      currency: 'USD',
      brands: ['Acme\u0000'],
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'BAD_REQUEST',
      message:
        'The field "brands.0" contains a NUL character (\\u0000), which text cannot hold. Remove it and try again.',
    })
    const viaTrpc = await errorOf(
      createTestClient(api.url).client.catalog.listProducts.query({
        currency: 'USD',
        attributes: { color: 'black\u0000' },
      }),
    )
    expect(viaTrpc?.data?.code).toBe('BAD_REQUEST')
    expect(viaTrpc?.message).toContain('"attributes.color" contains a NUL character')
  })
})
