import { randomUUID } from 'node:crypto'
import { TRPCClientError } from '@trpc/client'
import type { AnyProcedure } from '@trpc/server'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS, type Limit, type RateLimitSettings } from '../protection/rate-limits'
import { appRouter } from '../root'
import { startApiServer, type RunningApi } from '../server'
import type { Meta } from '../trpc'
import { createTestClient, type TestClient } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'
import { EXPECTED_ACCESS } from './expected-access'

type Identity = 'anonymous' | 'customer' | 'sellerA' | 'sellerB' | 'admin'
type SignedIn = Exclude<Identity, 'anonymous'>
const IDENTITIES: Identity[] = ['anonymous', 'customer', 'sellerA', 'sellerB', 'admin']

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>
const allPaths = Object.keys(procedures).sort()
/** These end the caller's session, so each runs last, on a login of its own, after everything else. */
const ENDS_SESSION = ['auth.logout', 'auth.logoutEverywhere']
// The matrix makes hundreds of calls from 127.0.0.1: same limiters as production, far bigger budgets.
const generous = Object.fromEntries(
  (Object.entries(DEFAULT_RATE_LIMITS) as [string, Limit][]).map(([name, limit]) => [
    name,
    { ...limit, points: limit.points * 1000 },
  ]),
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

type Callable = {
  query?: (input: unknown) => Promise<unknown>
  mutate?: (input: unknown) => Promise<unknown>
}

/** Calls a procedure by its dotted path with an empty input; 'ok' or the tRPC error code. */
async function callAs(browser: TestClient, path: string): Promise<string> {
  const node = path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], browser.client) as Callable
  const call = procedures[path]?._def.type === 'query' ? node.query : node.mutate
  if (!call) throw new Error(`${path} is neither a query nor a mutation`)
  try {
    await call({})
    return 'ok'
  } catch (error) {
    if (error instanceof TRPCClientError)
      return String((error.data as { code?: string } | undefined)?.code)
    throw error
  }
}

/** Runs the tasks with at most `width` in flight. */
async function inParallel<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]!()
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
  return results
}

describe('authorization matrix: every procedure × every role', () => {
  let api: RunningApi
  const users = {} as Record<SignedIn, { id: string; email: string; password: string }>
  const stores = {} as Record<
    'sellerA' | 'sellerB',
    Awaited<ReturnType<typeof createTestSeller>>['seller']
  >
  const browsers = {} as Record<Identity, TestClient>

  /** A browser (web Origin, cookie jar) signed in through auth.login. */
  async function signIn(who: Identity): Promise<TestClient> {
    const browser = createTestClient(api.url)
    if (who !== 'anonymous')
      await browser.client.auth.login.mutate({
        email: users[who].email,
        password: users[who].password,
      })
    return browser
  }

  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig(),
      port: 0,
      rateLimitNamespace: randomUUID(),
      rateLimits: generous,
    })
    const [customer, admin, a, b] = await Promise.all([
      createTestUser(api.deps.db, 'customer'),
      createTestUser(api.deps.db, 'admin'),
      createTestSeller(api.deps.db),
      createTestSeller(api.deps.db),
    ])
    Object.assign(users, { customer, admin, sellerA: a.user, sellerB: b.user })
    Object.assign(stores, { sellerA: a.seller, sellerB: b.seller })
    const signedIn = await Promise.all(IDENTITIES.map(signIn))
    IDENTITIES.forEach((who, i) => (browsers[who] = signedIn[i]!))
  })
  afterAll(async () => {
    await api.close()
  })

  it('has an expected-access entry for every procedure, and none for a procedure that is gone', () => {
    expect(
      allPaths.filter((p) => !(p in EXPECTED_ACCESS)),
      'procedures without an entry in expected-access.ts',
    ).toEqual([])
    expect(
      Object.keys(EXPECTED_ACCESS).filter((p) => !(p in procedures)),
      'entries for procedures that do not exist',
    ).toEqual([])
  })

  it('declares the expected access level in each procedure meta', () => {
    const declared = Object.fromEntries(
      allPaths.map((path) => [path, (procedures[path]?._def.meta as Meta | undefined)?.access]),
    )
    expect(declared).toEqual(EXPECTED_ACCESS)
  })

  it('refuses and allows exactly as expected over HTTP', async () => {
    const checked = allPaths.filter((p) => EXPECTED_ACCESS[p] && !ENDS_SESSION.includes(p))
    const cells = checked.flatMap((path) => IDENTITIES.map((who) => ({ path, who })))
    const outcomes = await inParallel(
      cells.map(
        ({ path, who }) =>
          () =>
            callAs(browsers[who], path),
      ),
      16,
    )
    // Nothing above may have ended a shared login, or later cells would have seen a stranger's refusals.
    const me = await Promise.all(IDENTITIES.map((who) => browsers[who].client.auth.me.query()))
    expect(me.map((m) => m?.id ?? null)).toEqual(
      IDENTITIES.map((who) => (who === 'anonymous' ? null : users[who].id)),
    )

    for (const path of ENDS_SESSION.filter((p) => EXPECTED_ACCESS[p])) {
      const fresh = await Promise.all(IDENTITIES.map(signIn))
      const results = await Promise.all(fresh.map((browser) => callAs(browser, path)))
      IDENTITIES.forEach((who, i) => {
        cells.push({ path, who })
        outcomes.push(results[i]!)
      })
    }

    const mismatches = cells.flatMap(({ path, who }, i) => {
      const got = outcomes[i]
      const want = expectedOutcome(EXPECTED_ACCESS[path]!, who)
      const ok = want === 'allowed' ? got !== 'UNAUTHORIZED' && got !== 'FORBIDDEN' : got === want
      return ok ? [] : [`${path} as ${who}: expected ${want}, got ${got}`]
    })
    expect(mismatches).toEqual([])
  })

  it("seller B reads and changes only B's store; A's store is untouched", async () => {
    // Fresh logins: the matrix above ended the shared ones (auth.logoutEverywhere).
    const [a, b] = (await Promise.all([signIn('sellerA'), signIn('sellerB')])).map((x) => x.client)
    if (!a || !b) throw new Error('sign-in failed')
    const before = await a.seller.getStore.query()
    expect(before).toMatchObject({ id: stores.sellerA.id, storeName: stores.sellerA.store_name })
    expect((await b.seller.getStore.query()).id).toBe(stores.sellerB.id)

    const updated = await b.seller.updateStore.mutate({
      storeName: 'B renamed',
      contactEmail: 'b-desk@example.test',
      payoutCurrency: 'EUR',
    })
    expect(updated).toMatchObject({
      id: stores.sellerB.id,
      storeName: 'B renamed',
      payoutCurrency: 'EUR',
    })

    const rows = await api.deps.db
      .selectFrom('sellers')
      .select(['id', 'store_name', 'contact_email', 'payout_currency', 'slug', 'status'])
      .where('id', 'in', [stores.sellerA.id, stores.sellerB.id])
      .orderBy('id')
      .execute()
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId[stores.sellerA.id]).toEqual({
      id: stores.sellerA.id,
      store_name: stores.sellerA.store_name,
      contact_email: stores.sellerA.contact_email,
      payout_currency: 'USD',
      slug: stores.sellerA.slug,
      status: 'approved',
    })
    expect(byId[stores.sellerB.id]).toEqual({
      id: stores.sellerB.id,
      store_name: 'B renamed',
      contact_email: 'b-desk@example.test',
      payout_currency: 'EUR',
      slug: stores.sellerB.slug,
      status: 'approved',
    })
    expect(await a.seller.getStore.query()).toEqual(before)
  })
})
