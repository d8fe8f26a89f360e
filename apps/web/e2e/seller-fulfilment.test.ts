import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts } from './browser-harness'
import { createApprovedSeller, createStockedProduct, inventedWord } from './shop-fixtures'
import { startShopStack, type ShopStack } from './shop-stack'
import { signInSeller } from './seller-steps'
import { addAddress, addToCart, checkOut, signUpShopper } from './shopper-steps'

// After a paid order the seller ships it from the dashboard on a phone and refunds one unit; the
// shopper's order page shows the parcel in its tracking timeline, then the refund. Everything runs
// for real: checkout and refund workflows on Temporal, payments through the test gateway.
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

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true })
}

describe('seller fulfilment in the browser', () => {
  it('the seller marks a paid order shipped, the shopper’s timeline shows the tracking number, then refunds by item and by amount', async () => {
    const seller = await createApprovedSeller(stack.db, stack.api.url, stack.web.url)
    const product = await createStockedProduct(stack.db, seller.client, {
      name: `${inventedWord()} teapot`,
      brand: 'Fulfil Co',
      colors: ['Green'],
      priceMinor: 2400,
      stock: 4,
    })
    const sku = product.variants[0]?.sku ?? ''
    const onHand = async () =>
      (
        await stack.db
          .selectFrom('inventory_levels')
          .select('on_hand')
          .where('variant_id', '=', product.variants[0]?.id ?? '')
          .where('warehouse_id', '=', product.warehouseId)
          .executeTakeFirstOrThrow()
      ).on_hand

    // The shopper buys two teapots with a success card.
    const shopper = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } })
    await signUpShopper(shopper, stack.web.url)
    await addAddress(shopper, stack.web.url, 'Ada Teahouse')
    await addToCart(shopper, stack.web.url, product.slug, 'Green', 2)
    await checkOut(shopper, stack.web.url, 'Ada Teahouse', 'tok_visa')
    const stage = shopper.getByRole('status').filter({ hasText: /: Paid$/ })
    await stage.waitFor({ timeout: 45_000 })
    const orderNumber = /#(\d+)/.exec((await stage.textContent()) ?? '')?.[1] ?? ''
    await shopper.getByRole('link', { name: 'See your order and its tracking' }).click()
    await shopper.getByRole('heading', { name: `Order #${orderNumber}` }).waitFor()
    const orderUrl = shopper.url()
    expect(await onHand()).toBe(2)

    // The seller, on a phone, finds it among the orders to fulfil.
    const sellerContext = await stack.browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const sellerPage = await sellerContext.newPage()
    await signInSeller(sellerPage, stack.web.url, seller.email)
    // An order that is not theirs (or does not exist) is a clear error, not a blank page.
    await sellerPage.goto(`${stack.web.url}/seller/orders/${randomUUID()}`)
    const missing = sellerPage.getByRole('alert').filter({ hasText: 'Could not load the order.' })
    await missing.waitFor()
    expect(await missing.textContent()).toContain('No such order.')
    await sellerPage.goto(`${stack.web.url}/seller`)
    await sellerPage
      .getByRole('list', { name: 'Shortcuts' })
      .getByRole('link', { name: 'Orders to fulfil' })
      .click()
    await sellerPage.getByRole('heading', { name: 'Orders to fulfil' }).waitFor()
    const orders = sellerPage.getByRole('list', { name: 'Seller orders' }).getByRole('listitem')
    await orders.first().waitFor()
    expect(await orders.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^Order #${orderNumber} · To pack and ship.*2 items`)),
    ])
    expect(await orders.first().textContent()).toContain('for Ada Teahouse')
    expect(await noSidewaysScroll(sellerPage)).toBeLessThanOrEqual(0)
    await shot(sellerPage, 'seller-orders-phone')

    await orders
      .first()
      .getByRole('link', { name: `Order #${orderNumber}` })
      .click()
    await sellerPage.getByRole('heading', { name: `Order #${orderNumber}` }).waitFor()
    expect(await sellerPage.getByText('Status:').first().textContent()).toContain(
      'To pack and ship',
    )
    expect(await sellerPage.locator('address').textContent()).toContain('1 Main Street')

    // Packed first: the shopper's order shows as being prepared.
    await sellerPage.getByRole('button', { name: 'Mark packed' }).click()
    await sellerPage.getByText('Status: Packed, to ship').waitFor()
    expect(await sellerPage.getByRole('button', { name: 'Mark packed' }).count()).toBe(0)
    expect(await sellerPage.getByText('Whole order:').textContent()).toBe('Whole order: Fulfilling')

    // The API's own schema refuses a bad tracking number before anything is sent.
    const ship = sellerPage.getByRole('form', { name: 'Mark shipped' })
    await ship.getByLabel('Tracking number').fill('1Z 99')
    await ship.getByRole('button', { name: 'Mark shipped' }).click()
    await ship.getByText('Carrier is required').waitFor()
    await ship.getByText('Tracking number may contain letters, digits and dashes only').waitFor()
    expect(await ship.getByLabel('Carrier').getAttribute('aria-invalid')).toBe('true')
    await shot(sellerPage, 'seller-ship-errors-phone')

    const trackingNumber = `1Z-${randomUUID().slice(0, 8).toUpperCase()}`
    await ship.getByLabel('Carrier').fill('UPS')
    await ship.getByLabel('Tracking number').fill(trackingNumber)
    await ship.getByRole('button', { name: 'Mark shipped' }).click()
    const parcels = sellerPage.getByRole('list', { name: 'Parcels' })
    await parcels.waitFor()
    expect(await parcels.textContent()).toContain(`UPS tracking number ${trackingNumber}`)
    expect(await sellerPage.getByText('Status:').first().textContent()).toContain('Shipped')
    expect(await ship.count()).toBe(0)
    expect(await noSidewaysScroll(sellerPage)).toBeLessThanOrEqual(0)
    await shot(sellerPage, 'seller-order-shipped-phone')

    // The shopper's tracking timeline shows the parcel with its tracking number.
    await shopper.goto(orderUrl)
    await shopper.getByRole('heading', { name: `Order #${orderNumber}` }).waitFor()
    expect(await shopper.getByText('Status:').textContent()).toContain('Shipped')
    const timeline = shopper.getByRole('list', { name: 'Tracking timeline' }).getByRole('listitem')
    expect(await timeline.allTextContents()).toEqual([
      expect.stringContaining('Order placed'),
      expect.stringContaining('Payment received'),
      expect.stringContaining('Preparing your order'),
      expect.stringContaining(`UPS tracking number ${trackingNumber}`),
      expect.stringContaining('Order shipped'),
    ])
    await shot(shopper, 'shopper-order-shipped')

    // The seller records the carrier's first scan on the parcel.
    await sellerPage.getByText('Add a carrier update').click()
    const update = sellerPage.getByRole('form', { name: `Carrier update for ${trackingNumber}` })
    await update.getByLabel('What happened').selectOption({ label: 'In transit' })
    await update.getByLabel('Where (optional)').fill('Memphis hub')
    await update.getByRole('button', { name: 'Record update' }).click()
    await update.getByText('Update recorded.').waitFor()
    await sellerPage
      .getByRole('list', { name: `Carrier updates for ${trackingNumber}` })
      .getByText(/in transit · Memphis hub$/)
      .waitFor()

    // The seller refunds one of the two teapots.
    const refund = sellerPage.getByRole('form', { name: 'Refund' })
    await refund.getByRole('button', { name: 'Refund' }).click()
    await refund.getByText('Choose how many units to refund.').waitFor()
    await refund.getByLabel(`Units of ${sku} to refund`).fill('1')
    await refund.getByLabel('Reason (optional)').fill('Lid arrived chipped')
    await refund.getByLabel('Put the refunded items back in stock').check()
    await refund.getByRole('button', { name: 'Refund' }).click()
    const refunded = refund.getByRole('status').filter({ hasText: /^Refunded \$/ })
    await refunded.waitFor({ timeout: 30_000 })
    const amount = /\$\d[\d,]*\.\d\d/.exec((await refunded.textContent()) ?? '')?.[0] ?? ''
    const refunds = sellerPage.getByRole('list', { name: 'Refunds of this order' })
    await refunds.getByText(`${amount} · Refunded`).waitFor()
    expect(await refunds.textContent()).toContain(`1 × ${sku}`)
    expect(await refunds.textContent()).toContain('Reason: Lid arrived chipped')
    expect(await refunds.textContent()).toContain('back in stock')
    expect(await onHand()).toBe(3)
    expect(await noSidewaysScroll(sellerPage)).toBeLessThanOrEqual(0)
    expect(amount).toBe('$24.00')

    // Then an amount: every item of this order is the seller's, so refunding by amount is allowed.
    await refund.getByRole('radio', { name: 'Amount' }).check()
    await refund.getByLabel('Amount (USD)').fill('five')
    await refund.getByRole('button', { name: 'Refund' }).click()
    await refund.getByText('Enter the amount as a number such as 12.50.').waitFor()
    // More than is left is refused by the API; the corrected request then goes through (it is a
    // new request, not a repeat of the refused one).
    await refund.getByLabel('Amount (USD)').fill('1000.00')
    await refund.getByRole('button', { name: 'Refund' }).click()
    const refused = refund.getByRole('alert')
    await refused.waitFor({ timeout: 30_000 })
    expect(await refused.textContent()).toMatch(/left to refund/)
    await refund.getByLabel('Amount (USD)').fill('5.00')
    await refund.getByRole('button', { name: 'Refund' }).click()
    await refund.getByRole('status').filter({ hasText: 'Refunded $5.00.' }).waitFor()
    await refunds.getByText('$5.00 · Refunded').waitFor()
    expect(await refunds.getByRole('listitem').count()).toBe(2)
    await shot(sellerPage, 'seller-order-refunded-phone')

    // The shipped order has left the "to pack and ship" list and shows under "Shipped".
    await sellerPage.getByRole('link', { name: 'All orders to fulfil' }).click()
    await sellerPage.getByText('Nothing waits to be sent.').waitFor()
    await sellerPage.getByLabel('Show').selectOption('shipped')
    const shipped = sellerPage.getByRole('list', { name: 'Seller orders' }).getByRole('listitem')
    await shipped.first().waitFor()
    expect(await shipped.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^Order #${orderNumber} · Shipped`)),
    ])

    // The shopper sees what came back to them.
    await shopper.reload()
    await shopper.getByRole('heading', { name: `Order #${orderNumber}` }).waitFor()
    expect(await shopper.getByText('Status:').textContent()).toContain('Partially refunded')
    expect(await shopper.getByText('Refunded to you:').textContent()).toBe(
      'Refunded to you: $29.00',
    )
    expect(await shopper.getByRole('cell', { name: '2, 1 refunded' }).count()).toBe(1)
    expect(await timeline.allTextContents()).toEqual([
      expect.stringContaining('Order placed'),
      expect.stringContaining('Payment received'),
      expect.stringContaining('Preparing your order'),
      expect.stringContaining(`UPS tracking number ${trackingNumber}`),
      expect.stringContaining('Order shipped'),
      expect.stringMatching(new RegExp(`In transitMemphis hub \\(UPS ${trackingNumber}\\)$`)),
      expect.stringContaining('Partly refundedRefunded $24.00'),
      expect.stringContaining('Partly refundedRefunded $5.00'),
    ])
    await shot(shopper, 'shopper-order-refunded')
    await sellerContext.close()
    await shopper.close()
  })
})
