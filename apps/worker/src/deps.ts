import { createDb, type Database } from '@emporium/db'
import {
  createLogger,
  createMailer,
  createRedis,
  createSearchClient,
  createStripe,
  type Config,
  type Logger,
  type Mailer,
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
  redis: Redis
  /** Typesense client, or undefined when search runs on PostgreSQL. */
  search: TypesenseClient | undefined
  /** Stripe client, or undefined when the built-in test gateway takes payments. */
  payments: Stripe | undefined
  mail: Mailer
}

/** Builds every worker dependency from config; `closeWorkerDeps` releases them. */
export function createWorkerDeps(config: Config): WorkerDeps {
  return {
    config,
    logger: createLogger(config, 'worker'),
    db: createDb(config.DATABASE_URL),
    redis: createRedis(config),
    search: createSearchClient(config),
    payments: createStripe(config),
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
