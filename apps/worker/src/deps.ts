import { createDb, type Database } from '@emporium/db'
import {
  createLogger,
  createMailer,
  createRedis,
  createSearchClient,
  createPaymentGateway,
  createStripe,
  piiKeyRingOf,
  type Config,
  type Logger,
  type Mailer,
  type PaymentGateway,
  type PiiKeyRing,
  type Redis,
  type Stripe,
  type TypesenseClient,
} from '@emporium/infra'
import type { Kysely } from 'kysely'

/** Long-lived dependencies of one worker process, injected into every activity factory. */
export interface WorkerDeps {
  config: Config
  logger: Logger
  db: Kysely<Database>
  /** Keys sealing personal data (PII_ENCRYPTION_KEYS); db queries seal and open addresses with it. */
  pii: PiiKeyRing
  redis: Redis
  /** Typesense client, or undefined when search runs on PostgreSQL. */
  search: TypesenseClient | undefined
  /** Stripe client, or undefined when the built-in test gateway takes payments. */
  payments: Stripe | undefined
  /** The payment port over `payments` (Stripe, or the built-in test gateway without a key). */
  paymentGateway: PaymentGateway
  mail: Mailer
}

/** Builds every worker dependency from config; `closeWorkerDeps` releases them. */
export function createWorkerDeps(config: Config): WorkerDeps {
  const redis = createRedis(config)
  const payments = createStripe(config)
  return {
    config,
    logger: createLogger(config, 'worker'),
    db: createDb(config.DATABASE_URL),
    pii: piiKeyRingOf(config),
    redis,
    search: createSearchClient(config),
    payments,
    paymentGateway: createPaymentGateway(payments, redis),
    mail: createMailer(config).mailer,
  }
}

/** Closes the database pool, Redis and the mail transport; logs (and does not throw on) a failed close. */
export async function closeWorkerDeps(deps: WorkerDeps): Promise<void> {
  deps.mail.close()
  const results = await Promise.allSettled([deps.db.destroy(), deps.redis.quit()])
  for (const result of results) {
    if (result.status === 'rejected')
      deps.logger.warn({ err: result.reason }, 'error while closing a dependency')
  }
}
