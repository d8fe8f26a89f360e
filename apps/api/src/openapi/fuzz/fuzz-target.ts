import { randomUUID } from 'node:crypto'
import type { Config } from '@emporium/infra'
import {
  DEFAULT_RATE_LIMITS,
  type Limit,
  type RateLimitSettings,
} from '../../protection/rate-limits'
import { startApiServer, type RunningApi } from '../../server'
import { createTestClient } from '../../testing/api-client'
import { createTestSeller } from '../../testing/sellers'
import { createTestUser } from '../../testing/users'

/** A fuzzer sends thousands of calls from one IP: every limit is raised far above that. */
const FUZZ_RATE_LIMITS = Object.fromEntries(
  (Object.entries(DEFAULT_RATE_LIMITS) as [string, Limit][]).map(([name, limit]) => [
    name,
    { ...limit, points: limit.points * 10_000 },
  ]),
) as unknown as RateLimitSettings

export type FuzzRole = 'anonymous' | 'customer' | 'seller' | 'admin'

export interface FuzzTarget {
  api: RunningApi
  schemaUrl: string
  /** Bearer token of each signed-in role (a customer, an approved seller, an admin). */
  tokens: Record<Exclude<FuzzRole, 'anonymous'>, string>
  close: () => Promise<void>
}

async function bearerOf(apiUrl: string, email: string, password: string): Promise<string> {
  const mobile = createTestClient(apiUrl, { origin: null }).client
  const { token } = await mobile.auth.login.mutate({ email, password, client: 'mobile' })
  if (!token) throw new Error(`no bearer token for ${email}`)
  return token
}

/** Starts an API on a free port with its own rate-limit namespace, and signs in one user per role. */
export async function startFuzzTarget(config: Config): Promise<FuzzTarget> {
  const api = await startApiServer({
    config,
    port: 0,
    rateLimits: FUZZ_RATE_LIMITS,
    rateLimitNamespace: randomUUID(),
  })
  try {
    const customer = await createTestUser(api.deps.db)
    const { user: seller } = await createTestSeller(api.deps.db, 'approved')
    const admin = await createTestUser(api.deps.db, 'admin')
    const tokens = {
      customer: await bearerOf(api.url, customer.email, customer.password),
      seller: await bearerOf(api.url, seller.email, seller.password),
      admin: await bearerOf(api.url, admin.email, admin.password),
    }
    return { api, schemaUrl: `${api.url}/openapi.json`, tokens, close: () => api.close() }
  } catch (error) {
    await api.close()
    throw error
  }
}
