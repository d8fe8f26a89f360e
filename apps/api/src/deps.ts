import { createDb, type Database } from '@emporium/db'
import {
  createLogger,
  createMailer,
  createRedis,
  createSearchClient,
  createSearchEngine,
  createStripe,
  createTemporalClient,
  piiKeyRingOf,
  type Config,
  type Logger,
  type Mailer,
  type PiiKeyRing,
  type Redis,
  type SearchEngine,
  type Stripe,
  type TemporalClient,
  type TypesenseClient,
} from '@emporium/infra'
import type { Kysely } from 'kysely'
import { createSessionStore, type SessionStore } from './accounts/session-store'
import { CatalogCache } from './catalog/catalog-cache'
import { requestIdClientInterceptor } from './observability/request-id-client-interceptor'
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry'
import {
  DEFAULT_CHECKOUT_ADMISSION,
  type CheckoutAdmissionSettings,
} from './checkout/checkout-admission'
import { allowedOrigins } from './protection/origin-check'
import {
  createRateLimiters,
  DEFAULT_RATE_LIMITS,
  type RateLimiters,
  type RateLimitSettings,
} from './protection/rate-limits'

/** Long-lived dependencies of one API process, shared by every request. */
export interface ApiDeps {
  config: Config
  logger: Logger
  db: Kysely<Database>
  /** Keys sealing personal data (PII_ENCRYPTION_KEYS); db queries seal and open addresses with it. */
  pii: PiiKeyRing
  redis: Redis
  /** Lazily connected: the API serves requests (and reports Temporal down) while Temporal is unreachable. */
  temporal: () => Promise<TemporalClient>
  search: TypesenseClient | undefined
  /** Product search: Typesense when TYPESENSE_URL is set, else PostgreSQL. */
  searchEngine: SearchEngine
  stripe: Stripe | undefined
  mailer: Mailer
  mailKind: 'smtp' | 'json'
  sessions: SessionStore
  rateLimiters: RateLimiters
  allowedOrigins: Set<string>
  /** Cached shopper catalog reads and their invalidation (`catalog.invalidateProduct` after writes). */
  catalog: CatalogCache
  /** Checkout admission under load: shared capacity and tier shares (see checkout-admission.ts). */
  checkoutAdmission: CheckoutAdmissionSettings
  /** Closes every connection so the process can exit cleanly. */
  close: () => Promise<void>
}

/** Builds every dependency from config; `closeApiDeps` releases them. */
export function createApiDeps(
  config: Config,
  options: {
    rateLimits?: RateLimitSettings
    rateLimitNamespace?: string
    checkoutAdmission?: Partial<CheckoutAdmissionSettings>
  } = {},
): ApiDeps {
  const logger = createLogger(config, 'api')
  const redis = createRedis(config)
  let temporal: Promise<TemporalClient> | undefined
  const { mailer, kind } = createMailer(config)
  const db = createDb(config.DATABASE_URL)
  const deps: ApiDeps = {
    config,
    logger,
    db,
    pii: piiKeyRingOf(config),
    redis,
    temporal: () => {
      temporal ??= createTemporalClient(config, {
        // The trace context (while tracing is on) goes into the workflow's headers beside the request id.
        interceptors: {
          workflow: [requestIdClientInterceptor, new OpenTelemetryWorkflowClientInterceptor()],
        },
      }).catch((error: unknown) => {
        temporal = undefined // retry on the next call instead of caching the failure
        throw error
      })
      return temporal
    },
    search: createSearchClient(config),
    searchEngine: createSearchEngine(config, db),
    stripe: createStripe(config),
    mailer,
    mailKind: kind,
    sessions: createSessionStore(redis),
    rateLimiters: createRateLimiters(
      redis,
      options.rateLimits ?? DEFAULT_RATE_LIMITS,
      options.rateLimitNamespace,
    ),
    allowedOrigins: allowedOrigins(config),
    catalog: new CatalogCache(db, redis, logger),
    checkoutAdmission: {
      ...DEFAULT_CHECKOUT_ADMISSION,
      namespace: options.rateLimitNamespace ?? '',
      ...options.checkoutAdmission,
    },
    close: async () => {
      const closing: Promise<unknown>[] = [
        deps.db.destroy(),
        deps.redis.quit(),
        deps.catalog.close(),
      ]
      if (temporal) closing.push(temporal.then((client) => client.connection.close()))
      mailer.close()
      const results = await Promise.allSettled(closing)
      for (const result of results) {
        if (result.status === 'rejected')
          logger.warn({ err: result.reason }, 'error while closing a dependency')
      }
    },
  }
  return deps
}
