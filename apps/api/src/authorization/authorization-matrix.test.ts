import { randomUUID } from 'node:crypto'
import { createTRPCUntypedClient, httpLink, TRPCClientError } from '@trpc/client'
import type { AnyProcedure } from '@trpc/server'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../protection/rate-limits'
import { appRouter } from '../root'
import { startApiServer, type RunningApi } from '../server'
import type { Meta } from '../trpc'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'
import { EXPECTED_ACCESS } from './expected-access'

type Identity = 'anonymous' | 'customer' | 'sellerA' | 'sellerB' | 'admin'
const IDENTITIES: Identity[] = ['anonymous', 'customer', 'sellerA', 'sellerB', 'admin']

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>
const generous: RateLimitSettings = Object.fromEntries(
  Object.keys(DEFAULT_RATE_LIMITS).map((name) => [name, { points: 100_000, durationS: 60 }]),
) as unknown as RateLimitSettings

/** What the matrix requires: refused with this code, or allowed (any outcome but UNAUTHORIZED/FORBIDDEN). */
function expectedOutcome(
  access: Meta['access'],
  who: Identity,
): 'UNAUTHORIZED' | 'FORBIDDEN' | 'allowed' {
  if (access === 'public') return 'allowed'
  if (who === 'anonymous') return 'UNAUTHORIZED'
  if (access === 'authed') return 'allowed'
  if (access === 'seller') return who === 'sellerA' || who === 'sellerB' ? 'allowed' : 'FORBIDDEN'
  return who === 'admin' ? 'allowed' : 'FORBIDDEN'
}

describe('authorization matrix: every procedure × every role', () => {
  let api: RunningApi
  const userIds = {} as Record<Exclude<Identity, 'anonymous'>, string>

  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig(),
      port: 0,
      rateLimitNamespace: randomUUID(),
      rateLimits: generous,
    })
    userIds.customer = (await createTestUser(api.deps.db, 'customer')).id
    userIds.admin = (await createTestUser(api.deps.db, 'admin')).id
    userIds.sellerA = (await createTestSeller(api.deps.db)).user.id
    userIds.sellerB = (await createTestSeller(api.deps.db)).user.id
  })
  afterAll(async () => {
    await api.close()
  })

  /** Calls one procedure as one identity, with a fresh session so side effects (logout) touch nothing else. */
  async function call(path: string, who: Identity): Promise<string> {
    const headers: Record<string, string> = { origin: 'http://127.0.0.1:5173' }
    if (who !== 'anonymous') {
      const { token } = await api.deps.sessions.create(userIds[who], {})
      headers.cookie = `emp_session=${token}`
    }
    const client = createTRPCUntypedClient({
      links: [httpLink({ url: `${api.url}/trpc`, headers })],
    })
    const type = procedures[path]?._def.type
    try {
      await (type === 'query' ? client.query(path, {}) : client.mutation(path, {}))
      return 'ok'
    } catch (error) {
      if (error instanceof TRPCClientError)
        return String((error.data as { code?: string } | undefined)?.code)
      throw error
    }
  }

  it('has an expected-access entry for every procedure, and none for a procedure that is gone', () => {
    const paths = Object.keys(procedures).sort()
    expect(
      paths.filter((p) => !(p in EXPECTED_ACCESS)),
      'procedures without an entry in expected-access.ts',
    ).toEqual([])
    expect(
      Object.keys(EXPECTED_ACCESS).filter((p) => !(p in procedures)),
      'entries for procedures that do not exist',
    ).toEqual([])
  })

  it('declares the expected access level in each procedure meta', () => {
    const declared = Object.fromEntries(
      Object.entries(procedures).map(([path, p]) => [
        path,
        (p._def.meta as Meta | undefined)?.access ?? 'public',
      ]),
    )
    expect(declared).toEqual(EXPECTED_ACCESS)
  })

  it('refuses and allows exactly as expected over HTTP', async () => {
    const mismatches: string[] = []
    for (const path of Object.keys(procedures).sort()) {
      const access = EXPECTED_ACCESS[path]
      if (!access) continue
      const results = await Promise.all(IDENTITIES.map((who) => call(path, who)))
      IDENTITIES.forEach((who, i) => {
        const got = results[i] ?? 'missing'
        const want = expectedOutcome(access, who)
        const ok = want === 'allowed' ? got !== 'UNAUTHORIZED' && got !== 'FORBIDDEN' : got === want
        if (!ok) mismatches.push(`${path} as ${who}: expected ${want}, got ${got}`)
      })
    }
    expect(mismatches).toEqual([])
  })
})
