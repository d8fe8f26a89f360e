import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { startApiServer, type RunningApi } from '@emporium/api'
import type { Db } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts, freePort, launchChromium, serveBuiltApp } from './browser-harness'
import { createApprovedSeller, createStockedProduct, inventedWord } from './shop-fixtures'
import { addAddress, addToCart, signUpShopper } from './shopper-steps'

// The checkout of a shop whose payments go to Stripe with a publishable key configured: the card
// is collected by Stripe.js's card Element. This machine cannot reach Stripe, so Chromium's real
// attempt to load Stripe.js fails, and the page must say so instead of showing a broken form.
let db: Db
let api: RunningApi
let web: Awaited<ReturnType<typeof serveBuiltApp>>
let browser: Browser
let slug: string

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true })
  const port = await freePort()
  db = await createTestDb()
  api = await startApiServer({
    config: testConfig({
      WEB_ORIGIN: `http://127.0.0.1:${port}`,
      STRIPE_SECRET_KEY: 'sk_test_emporium',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_emporium',
    }),
    port: 0,
    rateLimitNamespace: randomUUID(),
  })
  web = await serveBuiltApp(api.url, port)
  browser = await launchChromium()
  const seller = await createApprovedSeller(db, api.url, web.url)
  const product = await createStockedProduct(db, seller.client, {
    name: `${inventedWord()} jug`,
    brand: 'Card Co',
    colors: ['Green'],
    priceMinor: 2500,
    stock: 3,
  })
  slug = product.slug
})

afterAll(async () => {
  await browser?.close()
  await web?.close()
  await api?.close()
  await db?.destroy()
})

describe('checkout with a Stripe publishable key', () => {
  it('shows the Stripe card section and, as Stripe.js cannot load, a clear message instead of a form', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const stripeRequests: string[] = []
    const trpcCalls: string[] = []
    page.on('request', (request) => {
      const url = request.url()
      if (url.startsWith('https://js.stripe.com/')) stripeRequests.push(url)
      const procedure = /\/trpc\/([^?]+)/.exec(url)?.[1]
      if (procedure) trpcCalls.push(...procedure.split(','))
    })
    await signUpShopper(page, web.url)
    await addAddress(page, web.url, 'Cy Card')
    await addToCart(page, web.url, slug, 'Green', 1)
    expect(stripeRequests).toEqual([]) // only the checkout loads Stripe.js

    await page.goto(`${web.url}/checkout`)
    const form = page.getByRole('form', { name: 'Place your order' })
    const payment = form.getByRole('group', { name: 'Payment' })
    const alert = payment.getByRole('alert')
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toMatch(
      /^Card payments are unavailable right now: the secure card form could not be loaded from Stripe\./,
    )
    expect(stripeRequests[0]).toMatch(/^https:\/\/js\.stripe\.com\/[a-z0-9]+\/stripe\.js/)
    // No card-token field stands in for Stripe's form, and the order cannot be placed.
    expect(await form.getByLabel('Card token').count()).toBe(0)
    expect(await form.locator('input[name="paymentMethodToken"]').count()).toBe(0)
    await form.getByRole('radio', { name: /^Cy Card,/ }).check()
    expect(await form.getByRole('button', { name: 'Place order' }).isDisabled()).toBe(true)
    expect(trpcCalls).toContain('payments.config')
    expect(trpcCalls).not.toContain('orders.place')
    await page.screenshot({ path: `${artifacts}checkout-stripe-unavailable.png`, fullPage: true })
    await page.close()
  })
})
