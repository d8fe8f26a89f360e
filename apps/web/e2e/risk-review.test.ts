import { insertTestOrder } from '@emporium/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts } from './browser-harness'
import { createApprovedSeller, createStockedProduct, inventedWord, PASSWORD } from './shop-fixtures'
import { startShopStack, type ShopStack } from './shop-stack'
import { addAddress, addToCart, checkOut, signUpShopper } from './shopper-steps'

// A risky order in Chromium: the shopper sees it held for review, an administrator approves it on
// the fraud review page, and the shopper's live progress goes on to "Paid".
let stack: ShopStack
let product: Awaited<ReturnType<typeof createStockedProduct>>

beforeAll(async () => {
  stack = await startShopStack()
  const seller = await createApprovedSeller(stack.db, stack.api.url, stack.web.url)
  product = await createStockedProduct(stack.db, seller.client, {
    name: `${inventedWord()} lamp`,
    brand: 'Review Co',
    colors: ['Black'],
    priceMinor: 60_000,
    stock: 3,
  })
})

afterAll(async () => {
  await stack?.close()
})

const userIdOf = async (email: string) =>
  (
    await stack.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id

describe('fraud review in the browser', () => {
  it('a held order waits uncharged until an administrator approves it on the review page', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } })
    const email = await signUpShopper(page, stack.web.url)
    // Three orders in the last hour from this account, then a first high-value order: held.
    const userId = await userIdOf(email)
    for (let i = 0; i < 3; i++) await insertTestOrder(stack.db, userId)
    await addAddress(page, stack.web.url, 'Ada Home')
    await addToCart(page, stack.web.url, product.slug, 'Black', 2)
    await checkOut(page, stack.web.url, 'Ada Home', 'tok_visa')

    const held = page
      .getByRole('status')
      .filter({ hasText: /: Your order is being reviewed before payment/ })
    await held.waitFor({ timeout: 45_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: `${artifacts}risk-review-held-failed.png`, fullPage: true })
      throw error
    })
    const number = /#(\d+)/.exec((await held.textContent()) ?? '')?.[1]
    expect(number).toBeDefined()
    await page.screenshot({ path: `${artifacts}risk-review-held.png`, fullPage: true })
    // The order's own page says it is under review, uncharged.
    const { id: orderId } = await stack.db
      .selectFrom('orders')
      .select('id')
      .where('number', '=', Number(number))
      .executeTakeFirstOrThrow()
    const progressUrl = page.url()
    await page.goto(`${stack.web.url}/orders/${orderId}`)
    const reviewNotice = page.getByRole('status', { name: 'Security review' })
    expect(await reviewNotice.textContent()).toBe(
      'Your order is being reviewed before payment; nothing has been charged yet.',
    )
    // While unpaid, the order page leads back to the checkout (the payment-failed mail links here).
    const follow = page.getByRole('link', { name: 'Follow your payment, or pay with another card' })
    expect(new URL(progressUrl).searchParams.get('id')).toBe(
      new URL((await follow.getAttribute('href')) ?? '', stack.web.url).searchParams.get('id'),
    )
    await follow.click()
    await page.waitForURL((url) => url.pathname === '/checkout/progress')

    const adminContext = await stack.browser.newContext({ viewport: { width: 1100, height: 900 } })
    const adminPage = await adminContext.newPage()
    const adminEmail = await signUpShopper(adminPage, stack.web.url)
    await stack.db
      .updateTable('users')
      .set({ role: 'admin' })
      .where('email', '=', adminEmail)
      .execute()
    await adminPage.goto(`${stack.web.url}/sign-in`)
    await adminPage.getByLabel('Email').fill(adminEmail)
    await adminPage.getByLabel('Password').fill(PASSWORD)
    await adminPage.getByRole('button', { name: 'Sign in', exact: true }).click()
    await adminPage.getByRole('heading', { name: 'Your account', level: 2 }).waitFor()
    await adminPage.getByRole('banner').getByRole('link', { name: 'Fraud review' }).click()

    const row = adminPage
      .getByRole('list', { name: 'Held orders' })
      .getByRole('listitem', { name: `Order #${number}` })
    await row.waitFor().catch(async (error: unknown) => {
      await adminPage.screenshot({
        path: `${artifacts}risk-review-queue-failed.png`,
        fullPage: true,
      })
      throw error
    })
    const reasons = row.getByRole('list', { name: `Why Order #${number} was held` })
    expect(await reasons.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('recent orders from the same account'),
      expect.stringContaining('First order of the account'),
    ])
    await row.getByLabel('Note (optional)').fill('Called the customer.')
    await adminPage.screenshot({ path: `${artifacts}risk-review-queue.png`, fullPage: true })
    await row.getByRole('button', { name: `Approve Order #${number}` }).click()
    // Decided reviews leave the "waiting" list.
    await row.waitFor({ state: 'detached' })

    await page
      .getByRole('status')
      .filter({ hasText: /: Paid$/ })
      .waitFor({ timeout: 45_000 })
    await page.goto(`${stack.web.url}/orders/${orderId}`)
    expect(await reviewNotice.textContent()).toBe('Your order passed a security review.')
    const review = await stack.db
      .selectFrom('order_risk_reviews')
      .innerJoin('orders', 'orders.id', 'order_risk_reviews.order_id')
      .select([
        'order_risk_reviews.status',
        'order_risk_reviews.decision_note',
        'orders.status as orderStatus',
      ])
      .where('orders.number', '=', Number(number))
      .executeTakeFirstOrThrow()
    expect(review).toEqual({
      status: 'approved',
      decision_note: 'Called the customer.',
      orderStatus: 'paid',
    })
    await adminContext.close()
    await page.close()
  })
})
