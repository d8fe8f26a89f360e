// Full search reindex: builds a new index beside the live one and swaps it in (`npm run search:reindex`).
import { SingleBar, Presets } from 'cli-progress'
import { createDb } from '@emporium/db'
import { createSearchEngine, loadConfig } from '@emporium/infra'

const config = loadConfig()
const db = createDb(config.DATABASE_URL)
const engine = createSearchEngine(config, db)
const bar = new SingleBar(
  { format: `reindex (${engine.kind}) [{bar}] {value}/{total} products` },
  Presets.shades_classic,
)
let started = false
try {
  const { indexed } = await engine.reindex(({ done, total }) => {
    if (!started) bar.start(total, 0)
    started = true
    bar.update(done)
  })
  bar.stop()
  process.stdout.write(`Indexed ${indexed} sellable products; the new index is live.\n`)
} catch (error) {
  bar.stop()
  process.stderr.write(
    `Reindex failed: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exitCode = 1
} finally {
  await db.destroy()
}
