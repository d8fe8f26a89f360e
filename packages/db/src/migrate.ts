import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely'

/** Folder holding the numbered migration files. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url))

/**
 * Kysely's `FileMigrationProvider`, but importing from this package: its own `import()` runs inside
 * node_modules, where vitest does not transform TypeScript, so `.ts` migrations fail to load in tests.
 */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string = MIGRATIONS_FOLDER) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder)).filter((f) => /^\d{4}_.+\.ts$/.test(f)).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      const mod = (await import(
        pathToFileURL(path.join(this.folder, file)).href
      )) as Partial<Migration>
      if (typeof mod.up !== 'function') throw new Error(`Migration ${file} exports no up()`)
      migrations[file.replace(/\.ts$/, '')] = mod as Migration
    }
    return migrations
  }
}

/** A Kysely migrator over `packages/db/migrations` (optionally keeping its bookkeeping in `schema`). */
export function createMigrator<DB>(db: Kysely<DB>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    // Features land in parallel branches; a migration numbered below one already applied still runs.
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
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
