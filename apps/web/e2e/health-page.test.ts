import { createServer, type AddressInfo } from 'node:net'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { startApiServer, type AppRouter, type RunningApi } from '@emporium/api'
import { testConfig } from '@emporium/infra/testing'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The built app served by `vite preview`, talking through its /trpc proxy to a real API on the local stack.
const root = fileURLToPath(new URL('..', import.meta.url))
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url))
const LABELS = ['PostgreSQL', 'Redis', 'Temporal', 'Search', 'Payments', 'Mail']

async function serveBuiltApp(apiUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root,
    logLevel: 'silent',
    preview: {
      host: '127.0.0.1',
      port: 0,
      proxy: {
        '/trpc': { target: apiUrl, changeOrigin: true },
        '/healthz': { target: apiUrl, changeOrigin: true },
      },
    },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its address')
  return { url, close: () => server.close() }
}

/** A port nothing listens on (yet): the OS hands out a free one, which we release at once. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

function serviceCard(page: Page, label: string) {
  return page
    .getByRole('list', { name: 'Dependencies' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: label, exact: true }) })
}

/** The state of a dependency as a screen reader hears it ("Up", "Down", "Disabled"). */
async function spokenStatus(page: Page, label: string): Promise<string | undefined> {
  const snapshot = await serviceCard(page, label).ariaSnapshot()
  return /Status: (\w+)/.exec(snapshot)?.[1]
}

let browser: Browser

beforeAll(async () => {
  await build({ root, logLevel: 'silent' })
  await mkdir(artifacts, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
})

describe('system status page against the running stack', () => {
  let api: RunningApi
  let web: { url: string; close: () => Promise<void> }

  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0 })
    web = await serveBuiltApp(api.url)
  })

  afterAll(async () => {
    await web?.close()
    await api?.close()
  })

  it('lists all six dependencies, as the API reports them, with Postgres, Redis and Temporal up', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    await page.goto(`${web.url}status`)
    await page.getByRole('list', { name: 'Dependencies' }).waitFor()

    expect(await page.title()).toBe('System status · Emporium')
    const headings = await page
      .getByRole('list', { name: 'Dependencies' })
      .getByRole('heading')
      .allTextContents()
    expect(headings).toEqual(LABELS)
    expect(await spokenStatus(page, 'PostgreSQL')).toBe('Up')
    expect(await spokenStatus(page, 'Redis')).toBe('Up')
    expect(await spokenStatus(page, 'Temporal')).toBe('Up')
    expect(await serviceCard(page, 'PostgreSQL').textContent()).toMatch(
      /Latency\d+ msDetailPostgreSQL \d+/,
    )

    // The page agrees with the API on every dependency and on the overall verdict.
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${api.url}/trpc` })],
    })
    const report = await client.health.check.query()
    const expected = { up: 'Up', down: 'Down', disabled: 'Disabled' } as const
    for (const [index, service] of report.services.entries()) {
      expect(await spokenStatus(page, LABELS[index] ?? '')).toBe(expected[service.status])
    }
    const overall = await page.getByRole('status').textContent()
    expect(overall).toContain(report.status === 'ok' ? 'All systems operational' : 'Degraded:')

    // Operator links come from health.links.
    const ops = page.getByRole('navigation', { name: 'Operations' })
    expect(await ops.getByRole('link', { name: 'Temporal UI' }).getAttribute('href')).toBe(
      'http://127.0.0.1:8233',
    )
    expect(await ops.getByRole('link', { name: 'Mailpit' }).getAttribute('href')).toBe(
      'http://127.0.0.1:8025',
    )

    await page.screenshot({ path: `${artifacts}health.png`, fullPage: true })
    await page.close()
  })

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    await page.goto(`${web.url}status`)
    await serviceCard(page, 'Mail').waitFor()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `${artifacts}health-phone.png`, fullPage: true })
    await page.close()
  })

  it('shows "Page not found" with a way back for an unknown address', async () => {
    const page = await browser.newPage()
    await page.goto(`${web.url}nowhere`)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await page.getByRole('link', { name: 'Go to the home page' }).click()
    await page.getByRole('heading', { name: 'Popular right now' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    await page.close()
  })
})

describe('system status page when the API is down', () => {
  it('says the API is not answering, then recovers on Retry once the API is back', async () => {
    const port = await freePort()
    const web = await serveBuiltApp(`http://127.0.0.1:${port}`)
    let api: RunningApi | undefined
    const page = await browser.newPage()
    try {
      await page.goto(`${web.url}status`)
      const alert = page.getByRole('alert')
      await alert.waitFor({ timeout: 15_000 })
      expect(await alert.textContent()).toContain('The Emporium API is not answering.')
      expect(await page.getByRole('list', { name: 'Dependencies' }).count()).toBe(0)
      await page.screenshot({ path: `${artifacts}health-api-down.png`, fullPage: true })

      api = await startApiServer({ config: testConfig(), port })
      await page.getByRole('button', { name: 'Retry' }).click()
      await serviceCard(page, 'Redis').waitFor()
      expect(await spokenStatus(page, 'Redis')).toBe('Up')
      expect(await page.getByRole('alert').count()).toBe(0)
    } finally {
      await page.close()
      await web.close()
      await api?.close()
    }
  })
})

describe('system status page when Redis is unreachable', () => {
  it('reports the platform degraded and names Redis as down', async () => {
    const api = await startApiServer({
      config: testConfig({ REDIS_URL: 'redis://127.0.0.1:1/0' }),
      port: 0,
    })
    const web = await serveBuiltApp(api.url)
    const page = await browser.newPage()
    try {
      await page.goto(`${web.url}status`)
      const list = page.getByRole('list', { name: 'Dependencies' })
      await list.or(page.getByRole('alert')).first().waitFor({ timeout: 15_000 })
      const alert = await page.getByRole('alert').count()
      expect(alert, 'health.check failed instead of reporting Redis down').toBe(0)
      expect(await page.getByRole('status').textContent()).toContain('Degraded: Redis is down')
      expect(await spokenStatus(page, 'Redis')).toBe('Down')
      expect(await spokenStatus(page, 'PostgreSQL')).toBe('Up')
      await page.screenshot({ path: `${artifacts}health-degraded.png`, fullPage: true })
    } finally {
      await page.close()
      await web.close()
      await api.close()
    }
  })
})
