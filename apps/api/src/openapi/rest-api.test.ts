import { randomUUID } from 'node:crypto'
import SwaggerParser from '@apidevtools/swagger-parser'
import { testConfig } from '@emporium/infra/testing'
import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPECTED_ACCESS } from '../authorization/expected-access'
import { startApiServer, type RunningApi } from '../server'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestClient, errorOf } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'
import { restPathOf } from './openapi-meta'

const ORIGIN = 'http://127.0.0.1:5173'

describe('REST twin of the tRPC API with its OpenAPI document', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  const rest = (path: string, init: RequestInit = {}) => fetch(`${api.url}/api${path}`, init)
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    rest(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  it('serves a valid OpenAPI 3 document listing every public, signed-in and seller procedure', async () => {
    const response = await fetch(`${api.url}/openapi.json`)
    expect(response.status).toBe(200)
    const document = (await response.json()) as OpenAPIV3_1.Document
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy()
    const listed = Object.keys(document.paths ?? {})
    const expected = Object.entries(EXPECTED_ACCESS)
      .filter(([, access]) => access !== 'admin')
      .map(([path]) => restPathOf(path))
    expect(expected.filter((path) => !listed.includes(path))).toEqual([])
    expect(listed).not.toContain(restPathOf('admin.approveSeller'))
    const docs = await fetch(`${api.url}/docs`)
    expect(await docs.text()).toContain('/docs/swagger-ui-bundle.js')
    expect((await fetch(`${api.url}/docs/swagger-ui-bundle.js`)).status).toBe(200)
  })

  it('answers an anonymous catalog listing and search like tRPC does, and refuses bad input with 400', async () => {
    const trpc = createTestClient(api.url).client
    const viaTrpc = await trpc.catalog.listProducts.query({ currency: 'USD', limit: 3 })
    const viaRest = await postJson('/catalog/listProducts', { currency: 'USD', limit: 3 })
    expect(viaRest.status).toBe(200)
    expect(await viaRest.json()).toEqual(viaTrpc)

    const search = await postJson('/search/products', { query: 'phone' })
    expect(search.status).toBe(200)
    const found = (await search.json()) as { hits: unknown }
    expect(Array.isArray(found.hits)).toBe(true)

    const bad = await postJson('/catalog/listProducts', { limit: -1 })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ code: 'BAD_REQUEST' })
    // Found by fuzzing: validation issues carry zod's keys (code, path, …) beside the message.
    const badLogin = await postJson(
      '/auth/login',
      { email: '0', client: 'web' },
      { origin: ORIGIN },
    )
    expect(badLogin.status).toBe(400)
    const { issues } = (await badLogin.json()) as { issues: Record<string, unknown>[] }
    expect(issues[0]).toMatchObject({ path: ['email'], code: 'invalid_format' })
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties: { issues: { items: object } } }> }
    }
    const issueSchema = document.components.schemas['error.BAD_REQUEST']?.properties.issues.items
    expect(issueSchema).toMatchObject({ additionalProperties: true })
    const tree = await rest('/catalog/listCategories')
    expect(tree.status).toBe(200)
  })

  it('keeps a signed-in cart across REST calls with the session cookie, and refuses cross-site posts', async () => {
    const user = await createTestUser(api.deps.db)
    const login = await postJson(
      '/auth/login',
      { email: user.email, password: user.password },
      { origin: ORIGIN },
    )
    expect(login.status).toBe(200)
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const { variantId } = await insertCartVariant(api.deps.db, { prices: { USD: 1250 } })
    const added = await postJson(
      '/cart/addLine',
      { variantId, quantity: 2, currency: 'USD' },
      { origin: ORIGIN, cookie },
    )
    expect(added.status).toBe(200)
    const cart = await rest('/cart/get', { headers: { cookie } })
    expect(await cart.json()).toMatchObject({
      lines: [expect.objectContaining({ variantId, quantity: 2 })],
    })
    const crossSite = await postJson(
      '/cart/addLine',
      { variantId, quantity: 1 },
      { origin: 'https://evil.example', cookie },
    )
    expect(crossSite.status).toBe(403)
    expect(await crossSite.json()).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('lists a seller’s products with a bearer token, and answers 401/403 as tRPC does', async () => {
    const { user } = await createTestSeller(api.deps.db)
    const login = await createTestClient(api.url, { origin: null }).client.auth.login.mutate({
      email: user.email,
      password: user.password,
      client: 'mobile',
    })
    const bearer = { authorization: `Bearer ${login.token ?? ''}` }
    const mine = await rest('/seller/listProducts?limit=5', { headers: bearer })
    expect(mine.status).toBe(200)
    const viaTrpc = await createTestClient(api.url, {
      bearer: login.token ?? '',
    }).client.seller.listProducts.query({ limit: 5 })
    expect(await mine.json()).toEqual(viaTrpc)

    const anonymous = await rest('/seller/listProducts')
    expect(anonymous.status).toBe(401)
    const trpcRefusal = await errorOf(
      createTestClient(api.url).client.seller.listProducts.query({}),
    )
    expect(await anonymous.json()).toMatchObject({
      code: 'UNAUTHORIZED',
      message: trpcRefusal?.message,
    })
    // Found by fuzzing: error bodies carry `data`, which the declared error schema must allow.
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as OpenAPIV3_1.Document
    const declared = document.components?.schemas?.['error.UNAUTHORIZED']?.properties ?? {}
    const profile = (await (await rest('/account/getProfile')).json()) as Record<string, unknown>
    expect(Object.keys(profile).filter((key) => !(key in declared))).toEqual([])
    const customer = await createTestUser(api.deps.db)
    const customerLogin = await createTestClient(api.url, {
      origin: null,
    }).client.auth.login.mutate({
      email: customer.email,
      password: customer.password,
      client: 'mobile',
    })
    const forbidden = await rest('/seller/listProducts', {
      headers: { authorization: `Bearer ${customerLogin.token ?? ''}` },
    })
    expect(forbidden.status).toBe(403)
  })
})
