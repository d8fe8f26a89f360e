import { sql } from 'kysely'
import { createDb, type Db } from '../client'
import { migrateToLatest } from '../migrate'

/** The test database of the local stack; `npm test` sets DATABASE_URL to it. */
export const TEST_DATABASE_URL = 'postgres://emporium:emporium@127.0.0.1:5432/emporium_test'

// Any fixed key works; it only has to be the same in every process that migrates the test database.
const MIGRATION_LOCK_KEY = 7_402_351_118

const migrated = new Map<string, Promise<void>>()

async function migrateOnce(db: Db): Promise<void> {
  // Vitest runs files of several projects in parallel processes: one migrates, the others wait on the
  // lock and then find nothing to do. The lock is held on its own connection while the pool migrates.
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn)
    try {
      await migrateToLatest(db)
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn)
    }
  })
}

/** Connects to DATABASE_URL (default: the test database) and migrates it to latest, once per process. */
export async function createTestDb(
  url: string = process.env.DATABASE_URL ?? TEST_DATABASE_URL,
): Promise<Db> {
  const db = createDb(url, 5)
  let done = migrated.get(url)
  if (done === undefined) {
    done = migrateOnce(db)
    migrated.set(url, done)
    done.catch(() => migrated.delete(url))
  }
  await done
  return db
}

/** Empties every application table (not Kysely's migration bookkeeping) and resets sequences. */
export async function truncateAll(db: Db): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely_migration%'
    order by tablename`.execute(db)
  if (tables.rows.length === 0) return
  await sql`truncate table ${sql.join(tables.rows.map((t) => sql.id(t.tablename)))} restart identity cascade`.execute(
    db,
  )
}

export { insertTestOrder, insertTestUser, insertTestVariant } from './fixtures'
export { randomPiiKey, testPiiKeyRing } from './pii'
export { insertTestStock, insertTestWarehouse } from '../inventory/test-fixtures'
export { insertPaidTestOrder, type PaidTestOrder } from '../refunds/test-fixtures'
export { DEMO_USERS, seedDatabase, type SeedOptions, type SeedSummary } from '../seed'
export { checkBooks, type BooksScope, type BooksTally, type GatewayCharges } from './books'
