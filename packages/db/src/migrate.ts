import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileMigrationProvider, Migrator, type Kysely, type MigrationResultSet } from 'kysely'

/** Folder holding the numbered migration files. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url))

/** A Kysely migrator over `packages/db/migrations`. */
export function createMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_FOLDER }),
  })
}

function unwrap({
  error,
  results,
}: MigrationResultSet): NonNullable<MigrationResultSet['results']> {
  const failed = results?.find((r) => r.status === 'Error')
  if (error !== undefined) {
    const where = failed ? ` (in ${failed.migrationName})` : ''
    throw new Error(
      `Migration failed${where}: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    )
  }
  return results ?? []
}

/** Applies every pending migration; returns the ones applied, throws if one fails. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
): Promise<NonNullable<MigrationResultSet['results']>> {
  return unwrap(await createMigrator(db).migrateToLatest())
}

/** Rolls back the latest applied migration; throws if it fails. */
export async function migrateDown<DB>(
  db: Kysely<DB>,
): Promise<NonNullable<MigrationResultSet['results']>> {
  return unwrap(await createMigrator(db).migrateDown())
}
