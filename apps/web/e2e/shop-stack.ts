import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { startApiServer, type RunningApi } from '@emporium/api'
import type { Db } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import type { Browser } from 'playwright-core'
import { artifacts, freePort, launchChromium, serveBuiltApp } from './browser-harness'
import { startWorker, type RunningWorker } from './worker-process'

/** Everything a shopping e2e test runs against: API, worker, built web app, Chromium, database. */
export interface ShopStack {
  api: RunningApi
  web: { url: string; close: () => Promise<void> }
  worker: RunningWorker
  browser: Browser
  db: Db
  close: () => Promise<void>
}

/**
 * Starts the real API and worker (outbox relay, search indexer, Temporal worker on a task queue of
 * its own) on the local stack, builds and serves the web app, and launches Chromium.
 */
export async function startShopStack(): Promise<ShopStack> {
  await mkdir(artifacts, { recursive: true })
  const taskQueue = `web-e2e-${randomUUID()}`
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const db = await createTestDb()
  // No Stripe key: payments go through the built-in test gateway and its card tokens.
  const worker = await startWorker(taskQueue, { STRIPE_SECRET_KEY: '' })
  const api = await startApiServer({
    config: testConfig({
      WEB_ORIGIN: origin,
      TEMPORAL_TASK_QUEUE: taskQueue,
      STRIPE_SECRET_KEY: undefined,
    }),
    port: 0,
    rateLimitNamespace: randomUUID(),
  })
  const web = await serveBuiltApp(api.url, port)
  const browser = await launchChromium()
  return {
    api,
    web,
    worker,
    browser,
    db,
    close: async () => {
      await browser.close()
      await web.close()
      await api.close()
      await worker.stop()
      await db.destroy()
    },
  }
}
