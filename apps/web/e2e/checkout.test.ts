import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts } from './browser-harness'
import { createApprovedSeller, createStockedProduct, inventedWord, PASSWORD } from './shop-fixtures'
import { startShopStack, type ShopStack } from './shop-stack'
import { addAddress, addToCart, checkOut, signUpShopper } from './shopper-steps'

// Checkout in Chromium against the real API and worker: the checkout workflow runs on Temporal,
// payments go through the test gateway's card tokens.
let stack: ShopStack
let product: Awaited<ReturnType<typeof createStockedProduct>>
let sellerEmail: string

beforeAll(async () => {
  stack = await startShopStack()
  const seller = await createApprovedSeller(stack.db, stack.api.url, stack.web.url)
  sellerEmail = seller.email
  const title = inventedWord()
  product = await createStockedProduct(stack.db, seller.client, {
    name: `${title} mug`,
    brand: 'Checkout Co',
    colors: ['Red', 'Blue'],
    priceMinor: 1500,
    stock: 5,
  })
})

afterAll(async () => {
  await stack?.close()
})

const variantId = (color: string) => product.variants.find((v) => v.title === color)?.id ?? ''

async function stockOf(color: string) {
  return stack.db
    .selectFrom('inventory_levels')
    .select(['on_hand', 'reserved'])
    .where('variant_id', '=', variantId(color))
    .where('warehouse_id', '=', product.warehouseId)
    .executeTakeFirstOrThrow()
}

describe('checkout in the browser', () => {
  it('pays with tok_visa: the order reaches "Paid" live and shows in the order history', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } })
    await signUpShopper(page, stack.web.url)
    await addAddress(page, stack.web.url, 'Ada Home')
    await addToCart(page, stack.web.url, product.slug, 'Red', 2)
    const placed = await checkOut(page, stack.web.url, 'Ada Home', 'tok_visa')
    // "Same as shipping" (the default) sends no billing address.
    expect(placed.sent).toEqual({
      shippingAddressId: placed.shippingAddressId,
      paymentMethodToken: 'tok_visa',
    })

    const stage = page.getByRole('status').filter({ hasText: /: Paid$/ })
    await stage.waitFor({ timeout: 45_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: `${artifacts}checkout-paid-failed.png`, fullPage: true })
      throw error
    })
    const number = /#(\d+)/.exec((await stage.textContent()) ?? '')?.[1]
    await page.screenshot({ path: `${artifacts}checkout-paid.png`, fullPage: true })
    expect(await stockOf('Red')).toEqual({ on_hand: 3, reserved: 0 })

    await page.getByRole('link', { name: 'See your order and its tracking' }).click()
    await page.getByRole('heading', { name: `Order #${number}` }).waitFor()
    expect(await page.getByText('Status:').textContent()).toContain('Paid')
    const timeline = page.getByRole('list', { name: 'Tracking timeline' }).getByRole('listitem')
    expect(await timeline.allTextContents()).toEqual([
      expect.stringContaining('Order placed'),
      expect.stringContaining('Payment received'),
    ])
    await page.screenshot({ path: `${artifacts}order-detail.png`, fullPage: true })

    await page.getByRole('link', { name: 'All your orders' }).click()
    const orders = page.getByRole('list', { name: 'Orders' }).getByRole('listitem')
    await orders.first().waitFor()
    expect(await orders.count()).toBe(1)
    expect(await orders.first().textContent()).toContain(`Order #${number}`)
    expect(await orders.first().textContent()).toContain('Paid')
    await page.screenshot({ path: `${artifacts}order-history.png`, fullPage: true })
    await page.close()

    // The seller's dashboard charts the sale.
    const sellerContext = await stack.browser.newContext({ viewport: { width: 1100, height: 900 } })
    const sellerPage = await sellerContext.newPage()
    await sellerPage.goto(`${stack.web.url}/sign-in`)
    await sellerPage.getByLabel('Email').fill(sellerEmail)
    await sellerPage.getByLabel('Password').fill(PASSWORD)
    await sellerPage.getByRole('button', { name: 'Sign in', exact: true }).click()
    await sellerPage.getByRole('banner').getByText('Signed in as').waitFor()
    await sellerPage.goto(`${stack.web.url}/seller`)
    const sales = sellerPage.getByRole('region', { name: 'Sales' })
    await sales
      .getByRole('heading', { name: /^USD: \$[\d.,]+ from 1 orders \(2 units\)$/ })
      .waitFor()
    expect(await sales.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(2)
    expect(
      await sales.getByRole('list', { name: 'Top products by revenue' }).textContent(),
    ).toContain(`${product.name}: `)
    await sellerPage.screenshot({ path: `${artifacts}seller-sales-chart.png`, fullPage: true })
    await sellerContext.close()
  })

  it('says clearly that tok_chargeDeclined was declined, and cancelling releases the stock', async () => {
    const context = await stack.browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
    })
    const page = await context.newPage()
    await signUpShopper(page, stack.web.url)
    await addAddress(page, stack.web.url, 'Bo Declined')
    await addAddress(page, stack.web.url, 'Bo Billing')
    await addToCart(page, stack.web.url, product.slug, 'Blue', 1)
    const before = await stockOf('Blue')
    const placed = await checkOut(
      page,
      stack.web.url,
      'Bo Declined',
      'tok_chargeDeclined',
      'Bo Billing',
    )
    // The other address picked as "Billing address" is sent as the order's billing address.
    expect(placed.billingAddressId).toMatch(/^[0-9a-f-]{36}$/)
    expect(placed.billingAddressId).not.toBe(placed.shippingAddressId)
    expect(placed.sent).toEqual({
      shippingAddressId: placed.shippingAddressId,
      billingAddressId: placed.billingAddressId,
      paymentMethodToken: 'tok_chargeDeclined',
    })

    const alert = page.getByRole('alert')
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toMatch(/declined/i)
    expect(await alert.textContent()).toContain('Use another payment method')
    await page.getByRole('status').filter({ hasText: 'Payment did not go through' }).waitFor()
    // The checkout holds the unit while it waits for another card.
    expect((await stockOf('Blue')).reserved).toBe(before.reserved + 1)
    await page.screenshot({ path: `${artifacts}checkout-declined-phone.png`, fullPage: true })

    await page.getByRole('button', { name: 'Cancel checkout' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /Cancelled$/ })
      .waitFor({ timeout: 30_000 })
    await page.getByText('Nothing was charged.').waitFor()
    expect(await stockOf('Blue')).toEqual(before)
    await page.screenshot({ path: `${artifacts}checkout-cancelled-phone.png`, fullPage: true })
    await context.close()
  })
})
