import { insertTestWarehouse } from '@emporium/db/testing'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts } from './browser-harness'
import { createApprovedSeller, inventedWord, PASSWORD } from './shop-fixtures'
import { startShopStack, type ShopStack } from './shop-stack'

// A seller lists a product in the dashboard and a shopper on a phone finds it by search moments
// later: the API records the change in its outbox, the worker relays it and indexes it in Typesense.
let stack: ShopStack

beforeAll(async () => {
  stack = await startShopStack()
})

afterAll(async () => {
  await stack?.close()
})

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

describe('seller dashboard to storefront search', () => {
  it('creates a product with two variants and stock, publishes it, and a shopper finds it within seconds', async () => {
    const word = inventedWord()
    const title = word[0]?.toUpperCase() + word.slice(1)
    const name = `${title} lantern`
    const brand = `${title} Outdoors`
    const seller = await createApprovedSeller(stack.db, stack.api.url, stack.web.url)
    const warehouseId = await insertTestWarehouse(stack.db, 'US')

    const sellerPage = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } })
    await sellerPage.goto(`${stack.web.url}/sign-in`)
    await sellerPage.getByLabel('Email').fill(seller.email)
    await sellerPage.getByLabel('Password').fill(PASSWORD)
    await sellerPage.getByRole('button', { name: 'Sign in', exact: true }).click()
    await sellerPage.getByRole('banner').getByText('Signed in as').waitFor()
    await sellerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Products' })
      .click()
    await sellerPage.getByRole('heading', { name: 'Your products' }).waitFor()
    await sellerPage.getByRole('link', { name: 'New product' }).click()

    const form = sellerPage.getByRole('form', { name: 'New product' })
    // The shared schema refuses a nameless product before anything is sent.
    await form.getByRole('button', { name: 'Create product' }).click()
    await form.getByText('Product name is required').waitFor()
    await form.getByLabel('Name', { exact: true }).fill(name)
    await form.getByLabel('Brand (optional)').fill(brand)
    await form.getByLabel('Option 1 name').fill('Color')
    await form.getByLabel('Option 1 values').fill('Amber, Teal')
    await form.getByLabel('Price', { exact: true }).fill('31.00')
    await form.getByRole('button', { name: 'Create product' }).click()
    await sellerPage.getByRole('heading', { name, level: 2 }).waitFor()
    expect(await sellerPage.getByText('Status:').textContent()).toBe('Status: Draft')

    const prices = sellerPage.getByRole('form', { name: 'Prices in USD' })
    expect(await prices.getByLabel('Price of Amber in USD').inputValue()).toBe('31.00')
    expect(await prices.getByLabel('Price of Teal in USD').inputValue()).toBe('31.00')
    const stockForms = sellerPage.getByRole('form', { name: /^Stock of / })
    expect(await stockForms.count()).toBe(2)
    for (const index of [0, 1]) {
      const stockForm = stockForms.nth(index)
      await stockForm.getByLabel('Warehouse').selectOption(String(warehouseId))
      await stockForm.getByLabel('Units').fill('7')
      await stockForm.getByRole('button', { name: 'Update stock' }).click()
      await stockForm.getByText('Now 7 on hand, 7 available.').waitFor()
    }
    await sellerPage.getByRole('button', { name: 'Publish' }).click()
    await sellerPage.getByText('Status: On sale').waitFor()
    const publishedAt = performance.now()
    await sellerPage.screenshot({ path: `${artifacts}seller-product-editor.png`, fullPage: true })

    // The shopper, on a phone, searches until the product shows up.
    const shopper = await stack.browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await shopper.newPage()
    await page.goto(`${stack.web.url}/search?q=${word}`)
    const results = page.getByRole('list', { name: 'Results' })
    for (;;) {
      await page.getByRole('heading', { name: `Results for “${word}”` }).waitFor()
      await page
        .getByRole('status')
        .filter({ hasText: /products?$/ })
        .waitFor()
      if ((await results.getByRole('link', { name }).count()) > 0) break
      expect(performance.now() - publishedAt).toBeLessThan(15_000)
      await page.waitForTimeout(250)
      await page.reload()
    }
    const foundAfterMs = performance.now() - publishedAt
    expect(foundAfterMs).toBeLessThan(15_000)
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `${artifacts}shopper-search-phone.png`, fullPage: true })

    // Autocomplete suggests it from the first letters.
    const box = page.getByRole('combobox', { name: 'Search products' })
    await box.fill(word.slice(0, 6))
    const option = page.getByRole('option', { name: new RegExp(name) })
    await option.waitFor()
    await option.click()
    await page.getByRole('heading', { name, level: 2 }).waitFor()
    expect(
      await page.getByRole('radio').evaluateAll((r) => r.map((e) => e.getAttribute('value'))),
    ).toEqual(['Amber', 'Teal'])
    expect(await page.getByLabel('Price').textContent()).toBe('$31.00')
    await page.getByText('In stock').waitFor()
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `${artifacts}shopper-product-phone.png`, fullPage: true })

    // The seller's inventory lists both variants in the warehouse.
    await sellerPage.goto(`${stack.web.url}/seller/inventory`)
    const levels = sellerPage.getByRole('list', { name: 'Stock levels' }).getByRole('listitem')
    await expect.poll(() => levels.filter({ hasText: name }).count()).toBe(2)
    expect(await levels.filter({ hasText: name }).first().textContent()).toContain('7 available')
    await sellerPage.screenshot({ path: `${artifacts}seller-inventory.png`, fullPage: true })
    await shopper.close()
    await sellerPage.close()
  })
})
