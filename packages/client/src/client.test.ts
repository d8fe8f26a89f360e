import { randomUUID } from 'node:crypto'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startApiServer, type RunningApi } from '@emporium/api'
import { createTestUser } from '@emporium/api/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmporiumClient, signInForToken } from './client'

/**
 * A proxy in front of the real API that drops the first `failures` connections (the network
 * failing), then forwards everything; counts what reached it.
 */
function flakyProxy(target: string, failures: number) {
  let seen = 0
  const server: Server = createServer((req, res) => {
    seen += 1
    if (seen <= failures) {
      req.socket.destroy()
      return
    }
    const url = new URL(req.url ?? '/', target)
    const upstream = request(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    req.pipe(upstream)
  })
  return {
    server,
    seen: () => seen,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}`),
        ),
      ),
  }
}

describe('createEmporiumClient against the real API', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('authenticates with a bearer token from signInForToken', async () => {
    const user = await createTestUser(api.deps.db)
    const { token } = await signInForToken(api.url, user.email, user.password)
    const client = createEmporiumClient({ apiUrl: api.url, token })
    expect((await client.account.getProfile.query()).email).toBe(user.email)
    const anonymous = createEmporiumClient({ apiUrl: api.url })
    await expect(anonymous.account.getProfile.query()).rejects.toThrow('Sign in to continue.')
  })

  it('retries a query through dropped connections, but never a mutation without an idempotency key', async () => {
    const user = await createTestUser(api.deps.db)
    const { token } = await signInForToken(api.url, user.email, user.password)

    const queries = flakyProxy(api.url, 2)
    const client = createEmporiumClient({ apiUrl: await queries.listen(), token, retryBaseMs: 10 })
    expect((await client.account.getProfile.query()).email).toBe(user.email)
    expect(queries.seen()).toBe(3)
    queries.server.close()

    const mutations = flakyProxy(api.url, 1)
    const writer = createEmporiumClient({
      apiUrl: await mutations.listen(),
      token,
      retryBaseMs: 10,
    })
    await expect(writer.auth.logout.mutate()).rejects.toThrow()
    expect(mutations.seen()).toBe(1)
    mutations.server.close()
  })
})
