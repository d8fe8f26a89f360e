// `npm run db:migrate` applies pending migrations to DATABASE_URL; `-- --down` rolls back the latest one.
import { createDb, DEFAULT_DATABASE_URL } from '../client'
import { migrateDown, migrateToLatest } from '../migrate'

const down = process.argv.includes('--down')
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
const db = createDb(url, 1)

try {
  const results = down ? await migrateDown(db) : await migrateToLatest(db)
  const target = new URL(url).pathname.slice(1)
  if (results.length === 0) {
    console.log(down ? `› ${target}: nothing to roll back` : `› ${target}: schema is up to date`)
  }
  for (const r of results) {
    console.log(
      `› ${target}: ${r.direction === 'Up' ? 'applied' : 'rolled back'} ${r.migrationName}`,
    )
  }
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await db.destroy()
}
