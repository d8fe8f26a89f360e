import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { createTestDb } from '@emporium/db/testing'
import { searchEngineContract } from './contract.test-suite'
import { PostgresSearchEngine } from './postgres-engine'

searchEngineContract('PostgreSQL', async () => {
  const db = await createTestDb()
  // A table of this run's own, so parallel runs never see each other's documents.
  const table = `search_test_${randomUUID().slice(0, 8)}`
  const engine = new PostgresSearchEngine(db, { table })
  await engine.ensureReady()
  return {
    db,
    engine,
    cleanup: async () => {
      await sql`drop table if exists ${sql.id(table)}, ${sql.id(`${table}_words`)}`.execute(db)
      await db.destroy()
    },
  }
})
