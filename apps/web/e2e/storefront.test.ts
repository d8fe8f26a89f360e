import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts } from './browser-harness'
import {
  createApprovedSeller,
  createStockedProduct,
  insertPercentCoupon,
  inventedWord,
  waitUntilSearchable,
} from './shop-fixtures'
import { startShopStack, type ShopStack } from './shop-stack'

// A shopper's way from a mistyped search to a cart with a coupon, in Chromium against the real
// API, worker (search indexer) and stack. The product and coupon are this run's own.
let stack: ShopStack

beforeAll(async () => {
  stack = await startShopStack()
})

afterAll(async () => {
  await stack?.close()
})

/** The word with one letter in its middle left out: a typo search cannot match as a prefix. */
const typo = (word: string) => word.slice(0, 4) + word.slice(5)

async function search(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.fill(text)
  await box.press('Enter')
  await page.getByRole('heading', { name: `Results for “${text}”` }).waitFor()
}

describe('storefront in the browser', () => {
  it('finds a product despite a typo, filters by brand, adds two variants and applies a coupon', async () => {
    const word = inventedWord()
    const title = word[0]?.toUpperCase() + word.slice(1)
    const brand = `${title} Labs`
    const name = `${title} kettle`
    const seller = await createApprovedSeller(stack.db, stack.api.url, stack.web.url)
    await createStockedProduct(stack.db, seller.client, {
      name,
      brand,
      colors: ['Red', 'Blue'],
      priceMinor: 2000,
      stock: 10,
    })
    await waitUntilSearchable(seller.client, word, brand)
    const coupon = await insertPercentCoupon(stack.db, 1000)

    const page = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } })
    await page.goto(stack.web.url)
    await page.getByRole('heading', { name: 'Popular right now' }).waitFor()
    await search(page, typo(word))
    const suggestion = page.getByText('Did you mean').getByRole('link')
    await suggestion.waitFor()
    expect(await suggestion.textContent()).toBe(word)
    await page.screenshot({ path: `${artifacts}storefront-did-you-mean.png`, fullPage: true })
    await suggestion.click()
    await page.getByRole('heading', { name: `Results for “${word}”` }).waitFor()

    const filters = page.getByRole('complementary', { name: 'Filters' })
    await filters.getByRole('checkbox', { name: new RegExp(`^${brand}`) }).check()
    await expect.poll(() => new URL(page.url()).searchParams.get('brand')).toBe(brand)
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem')
    await expect.poll(() => results.count()).toBe(1)
    expect(await page.getByRole('status').filter({ hasText: 'product' }).textContent()).toBe(
      '1 product',
    )
    await page.screenshot({ path: `${artifacts}storefront-search-filtered.png`, fullPage: true })

    await results.getByRole('link', { name }).click()
    await page.getByRole('heading', { name, level: 2 }).waitFor()
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' })
    expect(await breadcrumbs.textContent()).toContain(name)
    const addToCart = page.getByRole('form', { name: 'Add to cart' })
    await page.getByRole('radio', { name: 'Red' }).check()
    expect(await page.getByLabel('Price').textContent()).toBe('$20.00')
    await addToCart.getByRole('button', { name: 'Add to cart' }).click()
    await page.getByText(`Added 1 × ${name} (Red) to your cart.`).waitFor()
    await page.getByRole('radio', { name: 'Blue' }).check()
    await addToCart.getByLabel('Quantity').fill('2')
    await addToCart.getByRole('button', { name: 'Add to cart' }).click()
    await page.getByText(`Added 2 × ${name} (Blue) to your cart.`).waitFor()
    await page.screenshot({ path: `${artifacts}storefront-product.png`, fullPage: true })
    // Reviews and "customers also bought" load beside the product (none yet for a new one).
    await page.getByRole('region', { name: 'Reviews' }).getByText('No reviews yet.').waitFor()
    await page.getByRole('region', { name: 'Customers also bought' }).waitFor()
    await page
      .getByRole('region', { name: 'Customers also bought' })
      .getByRole('status')
      .waitFor({ state: 'detached' })
    expect(await page.getByText(/^Could not load/).count()).toBe(0)

    await page.getByRole('link', { name: 'View your cart' }).click()
    const lines = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem')
    await expect.poll(() => lines.count()).toBe(2)
    // Cart lines come in variant-id order, which is random between runs.
    expect((await lines.allTextContents()).sort()).toEqual([
      expect.stringContaining(`${name} · Blue`),
      expect.stringContaining(`${name} · Red`),
    ])
    const subtotal = page.getByText('Subtotal').locator('..')
    expect(await subtotal.textContent()).toBe('Subtotal$60.00')

    // A wrong code is refused with the API's reason; the real one takes 10 % off.
    const couponForm = page.getByRole('form', { name: 'Apply a coupon' })
    await couponForm.getByLabel('Coupon code').fill('NOT-A-CODE')
    await couponForm.getByRole('button', { name: 'Apply' }).click()
    await couponForm.getByRole('alert').waitFor()
    await couponForm.getByLabel('Coupon code').fill(coupon)
    await couponForm.getByRole('button', { name: 'Apply' }).click()
    await page.getByRole('list', { name: 'Applied coupons' }).getByText(coupon).waitFor()
    const discounts = page.getByText('Discounts').locator('..')
    await discounts.waitFor()
    expect(await discounts.textContent()).toBe('Discounts-$6.00')
    await page.screenshot({ path: `${artifacts}storefront-cart-coupon.png`, fullPage: true })
    await page.close()
  })
})
