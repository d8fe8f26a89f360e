import { sql } from 'kysely'
import type { ApiDeps } from '../deps'

export type ServiceName = 'postgres' | 'redis' | 'temporal' | 'search' | 'payments' | 'mail'

export interface ServiceHealth {
  name: ServiceName
  status: 'up' | 'down' | 'disabled'
  latencyMs: number
  detail: string
  url?: string
}

const CHECK_TIMEOUT_MS = 2_000

async function timed(
  name: ServiceName,
  url: string | undefined,
  probe: () => Promise<string>,
): Promise<ServiceHealth> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      )
    })
    const detail = await Promise.race([probe(), timeout])
    return {
      name,
      status: 'up',
      latencyMs: Math.round(performance.now() - started),
      detail,
      ...(url ? { url } : {}),
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      name,
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      detail,
      ...(url ? { url } : {}),
    }
  } finally {
    clearTimeout(timer)
  }
}

function redacted(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

/** Probes every dependency of the API concurrently, each bounded by a timeout. */
export async function checkDependencies(deps: ApiDeps): Promise<ServiceHealth[]> {
  const { config } = deps
  return Promise.all([
    timed('postgres', redacted(config.DATABASE_URL), async () => {
      const { rows } = await sql<{
        version: string
      }>`select current_setting('server_version') as version`.execute(deps.db)
      return `PostgreSQL ${rows[0]?.version ?? 'unknown'}`
    }),
    timed('redis', redacted(config.REDIS_URL), async () => {
      const pong = await deps.redis.ping()
      const info = await deps.redis.info('server')
      const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown'
      return `${pong}, Redis ${version}`
    }),
    timed('temporal', config.TEMPORAL_ADDRESS, async () => {
      const client = await deps.temporal()
      const info = await client.connection.workflowService.getSystemInfo({})
      return `Temporal ${info.serverVersion ?? 'unknown'}, namespace ${config.TEMPORAL_NAMESPACE}`
    }),
    timed('search', config.TYPESENSE_URL ?? redacted(config.DATABASE_URL), async () => {
      if (!deps.search) {
        await sql`select 'probe' % 'probe'`.execute(deps.db) // pg_trgm is what the fallback engine needs
        return 'PostgreSQL search engine (TYPESENSE_URL not set)'
      }
      const health = await deps.search.health.retrieve()
      if (!health.ok) throw new Error('Typesense reports not ok')
      const debug = (await deps.search.debug.retrieve()) as { version?: string }
      return `Typesense ${debug.version ?? 'unknown'}`
    }),
    timed(
      'payments',
      config.STRIPE_SECRET_KEY ? (config.STRIPE_API_URL ?? 'https://api.stripe.com') : undefined,
      async () => {
        if (!deps.stripe) return 'built-in test payment gateway (STRIPE_SECRET_KEY not set)'
        const balance = await deps.stripe.balance.retrieve()
        return `Stripe API reachable (livemode ${String(balance.livemode)})`
      },
    ),
    timed('mail', config.SMTP_URL ? redacted(config.SMTP_URL) : undefined, async () => {
      if (deps.mailKind === 'json') return 'mails kept in memory (SMTP_URL not set)'
      await deps.mailer.verify()
      return 'SMTP server accepts connections'
    }),
  ])
}
