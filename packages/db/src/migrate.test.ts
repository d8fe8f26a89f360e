import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from './client'
import { createMigrator, migrateDown, migrateToLatest } from './migrate'
import { TEST_DATABASE_URL, truncateAll } from './testing'

// Rolling back the shared test database would break tests running in parallel, so this file
// migrates a scratch database of its own (the stack's role may create databases).
const baseUrl = process.env.DATABASE_URL ?? TEST_DATABASE_URL
const scratchName = `emporium_migrations_${randomUUID().replaceAll('-', '').slice(0, 12)}`
const scratchUrl = Object.assign(new URL(baseUrl), { pathname: `/${scratchName}` }).toString()

let admin: Db
let db: Db
beforeAll(async () => {
  admin = createDb(baseUrl, 1)
  await sql`create database ${sql.id(scratchName)}`.execute(admin)
  db = createDb(scratchUrl, 2)
})
afterAll(async () => {
  await db?.destroy()
  // Not `with (force)`: terminating a closing pool connection surfaces as an unhandled pg error.
  // The pool is destroyed, so its last connections go within moments; wait for them instead.
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`drop database if exists ${sql.id(scratchName)}`.execute(admin)
      break
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await admin.destroy()
})

async function publicTables(): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(
    db,
  )
  return rows.map((r) => r.tablename)
}

describe('migrations', () => {
  it('apply on an empty database, roll all the way down and apply again', async () => {
    const applied = await migrateToLatest(db)
    const names = applied.map((r) => r.migrationName)
    expect(names[0]).toBe('0001_create_extensions_and_users')
    expect(applied.every((r) => r.status === 'Success')).toBe(true)
    const tables = await publicTables()
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'addresses', 'products', 'orders', 'refunds', 'outbox']),
    )

    for (let i = 0; i < names.length; i++) await migrateDown(db)
    expect(await publicTables()).toEqual([])
    const pending = await createMigrator(db).getMigrations()
    expect(pending.every((m) => m.executedAt === undefined)).toBe(true)

    const again = await migrateToLatest(db)
    expect(again.map((r) => r.migrationName)).toEqual(names)
    expect(await publicTables()).toEqual(tables)
    expect(await migrateToLatest(db)).toEqual([])
  })

  it('truncateAll empties application tables but keeps the migration history', async () => {
    await migrateToLatest(db)
    await db.insertInto('users').values({ email: 'someone@example.com' }).execute()
    await db
      .insertInto('outbox')
      .values({ aggregate_type: 'x', aggregate_id: '1', event_type: 'y', payload: '{}' })
      .execute()
    await truncateAll(db)
    expect(await db.selectFrom('users').selectAll().execute()).toEqual([])
    const next = await db
      .insertInto('outbox')
      .values({ aggregate_type: 'x', aggregate_id: '1', event_type: 'y', payload: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(next.id).toBe(1)
    expect(await migrateToLatest(db)).toEqual([])
  })
})
