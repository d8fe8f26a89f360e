// Moves all personal data to the current PII key and seals rows from before encryption
// (`npm run pii:reencrypt`). Safe beside the running app; run it again to resume.
import { SingleBar, Presets } from 'cli-progress'
import { createDb, reencryptPersonalData } from '@emporium/db'
import { loadConfig, piiKeyRingOf } from '@emporium/infra'

const config = loadConfig()
const ring = piiKeyRingOf(config)
const db = createDb(config.DATABASE_URL)
const bar = new SingleBar(
  { format: `re-encrypting under PII key "${ring.currentId}" [{bar}] {value}/{total} rows` },
  Presets.shades_classic,
)
try {
  let started = false
  const result = await reencryptPersonalData(db, ring, {
    onProgress: ({ done, total }) => {
      if (!started) bar.start(total, 0)
      started = true
      bar.update(done)
    },
  })
  bar.stop()
  process.stdout.write(
    `Re-encrypted ${result.addresses} addresses and ${result.orders} orders under key "${ring.currentId}".\n`,
  )
  if (result.remaining > 0) {
    process.stdout.write(
      `${result.remaining} rows were busy or written under an older key meanwhile; run the job again.\n`,
    )
    process.exitCode = 2
  }
} catch (error) {
  bar.stop()
  process.stderr.write(
    `Re-encryption failed: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exitCode = 1
} finally {
  await db.destroy()
}
