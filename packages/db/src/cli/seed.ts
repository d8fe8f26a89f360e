// `npm run db:seed` loads the demo catalog and accounts into DATABASE_URL (upserting, so re-runs are safe).
// `--if-empty` seeds only when there are no products yet; `npm start` uses it on every start.
import cliProgress from 'cli-progress'
import { createDb, DEFAULT_DATABASE_URL } from '../client'
import { DEMO_USERS, isCatalogEmpty, seedDatabase } from '../seed'

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
const db = createDb(url, 2)
const started = Date.now()

try {
  if (process.argv.includes('--if-empty') && !(await isCatalogEmpty(db))) {
    console.log(
      '› catalog already has products; skipping the seed (run `npm run db:seed` to refresh it)',
    )
  } else {
    const bar = new cliProgress.SingleBar(
      { format: '› products [{bar}] {value}/{total}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
    const summary = await seedDatabase(db, {
      onStart: (total) => bar.start(total, 0),
      onProgress: (done) => bar.update(done),
    })
    bar.stop()
    console.log(
      `› seeded ${summary.products} products (${summary.variants} variants) in ${summary.categories} categories, ` +
        `3 stores, 3 warehouses, tax rates and coupons in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    console.log('\n  Demo accounts (development only)')
    for (const u of DEMO_USERS)
      console.log(`  ${u.role.padEnd(9)} ${u.email.padEnd(30)} ${u.password}`)
    console.log('')
  }
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await db.destroy()
}
