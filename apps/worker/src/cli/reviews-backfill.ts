// Recomputes every product's and seller's rating aggregates from the source rows (`npm run reviews:backfill`).
import { SingleBar, Presets } from 'cli-progress'
import { createDb } from '@emporium/db'
import { createRedis, loadConfig } from '@emporium/infra'
import { backfillRatings } from '../reviews/backfill-ratings'

const config = loadConfig()
const db = createDb(config.DATABASE_URL)
const redis = createRedis(config)
const bar = new SingleBar(
  { format: 'ratings backfill [{bar}] {value}/{total} products and sellers' },
  Presets.shades_classic,
)
try {
  let started = false
  const result = await backfillRatings(db, redis, ({ done, total }) => {
    if (!started) bar.start(total, 0)
    started = true
    bar.update(done)
  })
  bar.stop()
  process.stdout.write(
    `Recomputed ${result.products} products (${result.changedProducts} changed, sent to search) and ${result.sellers} sellers.\n`,
  )
} catch (error) {
  bar.stop()
  process.stderr.write(
    `Backfill failed: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exitCode = 1
} finally {
  await db.destroy()
  redis.disconnect()
}
