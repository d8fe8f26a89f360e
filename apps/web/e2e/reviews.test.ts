import { recomputeProductRating, type Db } from '@emporium/db'
import { insertTestOrder, insertTestUser } from '@emporium/db/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts } from './browser-harness'
import { signInSeller } from './seller-steps'
import { createApprovedSeller, createStockedProduct, inventedWord } from './shop-fixtures'
import { startShopStack, type ShopStack } from './shop-stack'
import { signUpShopper } from './shopper-steps'

// Reviews in Chromium: a shopper sorts, filters, votes, reports, writes and edits a review and
// rates the seller; the seller replies; an administrator publishes a review the spam scoring held.
let stack: ShopStack
let seller: Awaited<ReturnType<typeof createApprovedSeller>>
let product: Awaited<ReturnType<typeof createStockedProduct>>
const heldTitle = `Held ${inventedWord()}`
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

async function insertReview(
  db: Db,
  productId: string,
  review: { rating: number; title: string; helpful?: number; status?: 'published' | 'held' },
) {
  const user = await insertTestUser(db)
  await db
    .insertInto('reviews')
    .values({
      product_id: productId,
      user_id: user.id,
      rating: review.rating,
      title: review.title,
      body: `${review.title}, as I found it.`,
      status: review.status ?? 'published',
      helpful_count: review.helpful ?? 0,
      spam_score: review.status === 'held' ? 0.6 : 0,
      spam_reasons:
        review.status === 'held'
          ? JSON.stringify([
              { signal: 'url', weight: 0.6, detail: 'link "https://cheap.example.shop"' },
            ])
          : JSON.stringify([]),
    })
    .execute()
}

beforeAll(async () => {
  stack = await startShopStack()
  seller = await createApprovedSeller(stack.db, stack.api.url, stack.web.url)
  product = await createStockedProduct(stack.db, seller.client, {
    name: `${inventedWord()} kettle`,
    brand: 'Review Co',
    colors: ['Black'],
    priceMinor: 4_000,
    stock: 5,
  })
  await insertReview(stack.db, product.id, { rating: 5, title: 'Sturdy and bright', helpful: 4 })
  await insertReview(stack.db, product.id, { rating: 1, title: 'Broke in a week', helpful: 2 })
  await insertReview(stack.db, product.id, { rating: 3, title: 'Decent value' })
  await insertReview(stack.db, product.id, { rating: 4, title: heldTitle, status: 'held' })
  // Rows written straight to the database have no outbox events: recompute as a backfill would.
  await recomputeProductRating(stack.db, product.id)
})

afterAll(async () => {
  await stack?.close()
})

const reviewTitles = (page: Page) =>
  page
    .getByRole('list', { name: 'Reviews' })
    .getByRole('listitem')
    .locator('strong')
    .allTextContents()

/** Waits (without reloading) until the list shows exactly these titles, in this order. */
async function untilTitles(page: Page, expected: string[]) {
  const started = Date.now()
  for (;;) {
    const titles = await reviewTitles(page)
    if (JSON.stringify(titles) === JSON.stringify(expected)) return
    if (Date.now() - started > 10_000) expect(titles).toEqual(expected)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Retries `check` until it passes (the worker updates aggregates a moment after a write). */
async function eventually(page: Page, check: () => Promise<void>, timeout = 30_000) {
  const started = Date.now()
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() - started > timeout) throw error
      await new Promise((resolve) => setTimeout(resolve, 500))
      await page.reload()
    }
  }
}

async function signedInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
  const page = await context.newPage()
  await signInSeller(page, stack.web.url, email)
  return page
}

describe('reviews in the browser', () => {
  it('a shopper sorts, filters, votes, reports, reviews and rates the seller; the seller replies; an admin publishes a held review', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } })
    const email = await signUpShopper(page, stack.web.url)
    const { id: userId } = await stack.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    // The shopper bought the kettle and it arrived.
    const order = await insertTestOrder(stack.db, userId, { status: 'delivered' })
    await stack.db
      .insertInto('order_items')
      .values({
        order_id: order.id,
        seller_id: seller.storeId,
        variant_id: product.variants[0]?.id ?? null,
        product_id: product.id,
        product_name: product.name,
        sku: product.variants[0]?.sku ?? 'SKU',
        unit_price_minor: 4_000,
        quantity: 1,
      })
      .execute()
    await stack.db
      .insertInto('fulfillments')
      .values({ order_id: order.id, seller_id: seller.storeId, status: 'delivered' })
      .execute()

    await page.goto(`${stack.web.url}/p/${product.slug}`)
    const section = page.getByRole('region', { name: 'Reviews' })
    await section.getByText('3.0 of 5 stars from 3 reviews').waitFor()
    // Most helpful first by default; the held review is not shown.
    expect(await reviewTitles(page)).toEqual([
      'Sturdy and bright',
      'Broke in a week',
      'Decent value',
    ])
    await section.getByLabel('Sort reviews by').selectOption('lowest_rating')
    await untilTitles(page, ['Broke in a week', 'Decent value', 'Sturdy and bright'])
    await section.getByLabel('Show', { exact: true }).selectOption('5')
    await untilTitles(page, ['Sturdy and bright'])
    await section.getByLabel('Show', { exact: true }).selectOption('1')
    await untilTitles(page, ['Broke in a week'])
    await section.getByLabel('Show', { exact: true }).selectOption('')
    await section.getByLabel('Sort reviews by').selectOption('most_helpful')
    await untilTitles(page, ['Sturdy and bright', 'Broke in a week', 'Decent value'])

    // A helpful vote counts once the worker has recomputed the count.
    const decent = section.getByRole('listitem', { name: 'Decent value' })
    await decent.getByRole('button', { name: 'Helpful review “Decent value”' }).click()
    await decent.getByText('You found this helpful.').waitFor()
    const broke = section.getByRole('listitem', { name: 'Broke in a week' })
    await broke.getByRole('button', { name: 'Report review “Broke in a week”' }).click()
    await broke.getByLabel('What is wrong with this review?').fill('Talks about another product')
    await broke.getByRole('button', { name: 'Send report' }).click()
    await broke.getByText('Thank you. A moderator will look at this review.').waitFor()

    // Writing a review: published at once, verified purchase. (Its text is new on every run: a
    // copy of an earlier run's review would rightly be held as a near-duplicate. One new word in
    // it left half its 3-word shingles shared with every earlier run, about the 0.6 threshold.)
    const form = section.getByRole('form', { name: 'Write a review' })
    await form.getByLabel('Rating').selectOption('4')
    await form.getByLabel('Title').fill('Boils fast')
    await form
      .getByLabel('Your review')
      .fill(
        `Boils a litre ${inventedWord()} in three minutes; the ${inventedWord()} handle stays ${inventedWord()} cool.`,
      )
    await form.getByLabel(/^Photos/).setInputFiles({
      name: 'kettle.png',
      mimeType: 'image/png',
      buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
    })
    await form.getByRole('list', { name: 'Attached photos' }).getByRole('img').waitFor()
    await form.getByRole('button', { name: 'Post review' }).click()
    await section
      .getByText('You reviewed this product: “Boils fast”, 4 of 5 stars. It is published.')
      .waitFor()
    await section.getByRole('button', { name: 'Edit your review' }).click()
    const edit = section.getByRole('form', { name: 'Edit your review' })
    await edit.getByLabel('Title').fill('Boils fast, pours well')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await section
      .getByText(
        'You reviewed this product: “Boils fast, pours well”, 4 of 5 stars. It is published.',
      )
      .waitFor()
    await eventually(page, async () => {
      await section.getByText('from 4 reviews', { exact: false }).waitFor({ timeout: 1_000 })
      const mine = section.getByRole('listitem', { name: 'Boils fast, pours well' })
      expect(await mine.locator('p').first().textContent()).toContain('Verified purchase')
      // One's own review is marked as such and offers no helpful vote or report.
      expect(await mine.locator('p').first().textContent()).toContain('Your review')
      expect(await mine.getByRole('button', { name: /^(Helpful|Report) review/ }).count()).toBe(0)
      // The photo attached when writing survived the edit and is served.
      const photo = mine
        .getByRole('list', { name: 'Photos of review “Boils fast, pours well”' })
        .getByRole('img')
      expect(await photo.count()).toBe(1)
      expect(
        await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      ).toBe(true)
      expect(
        await section
          .getByRole('listitem', { name: 'Decent value' })
          .getByText('1 person found this helpful')
          .count(),
      ).toBe(1)
    })
    await page.screenshot({ path: `${artifacts}reviews-product.png`, fullPage: true })

    // The seller answers on the product page.
    const sellerPage = await signedInAs(stack.browser, seller.email)
    await sellerPage.goto(`${stack.web.url}/p/${product.slug}`)
    const mineForSeller = sellerPage
      .getByRole('region', { name: 'Reviews' })
      .getByRole('listitem', { name: 'Boils fast, pours well' })
    await mineForSeller
      .getByRole('button', { name: 'Reply to review “Boils fast, pours well”' })
      .click()
    await mineForSeller.getByLabel('Your public reply').fill('Thank you for the kind words!')
    await mineForSeller.getByRole('button', { name: 'Post reply' }).click()
    await mineForSeller.getByText('Seller’s reply: Thank you for the kind words!').waitFor()

    // The shopper rates the seller on the order page.
    await page.goto(`${stack.web.url}/orders/${order.id}`)
    const rate = page.getByRole('form', { name: /^Rate Store / })
    await rate.getByLabel('Shipping speed').selectOption('5')
    await rate.getByLabel('Item as described').selectOption('4')
    await rate.getByLabel('Communication').selectOption('5')
    await rate.getByRole('button', { name: /^Rate Store / }).click()
    await page
      .getByText(/You rated Store .*: shipping 5, accuracy 4, communication 5 of 5\./)
      .waitFor()
    const rating = await stack.db
      .selectFrom('seller_ratings')
      .select(['shipping', 'accuracy', 'communication'])
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow()
    expect(rating).toEqual({ shipping: 5, accuracy: 4, communication: 5 })

    // An administrator sees why a review was held and publishes it.
    const adminContext = await stack.browser.newContext({ viewport: { width: 1100, height: 900 } })
    const adminPage = await adminContext.newPage()
    const adminEmail = await signUpShopper(adminPage, stack.web.url)
    await stack.db
      .updateTable('users')
      .set({ role: 'admin' })
      .where('email', '=', adminEmail)
      .execute()
    await signInSeller(adminPage, stack.web.url, adminEmail)
    await adminPage.getByRole('banner').getByRole('link', { name: 'Review moderation' }).click()
    const row = adminPage
      .getByRole('list', { name: 'Held reviews' })
      .getByRole('listitem', { name: `Review “${heldTitle}”` })
    // Oldest first: reviews other tests left held come before this one.
    const more = adminPage.getByRole('button', { name: 'Show more' })
    await adminPage.getByRole('list', { name: 'Held reviews' }).waitFor()
    while ((await row.count()) === 0 && (await more.count()) > 0) {
      await more.click()
      await adminPage.waitForTimeout(300)
    }
    await row.waitFor()
    expect(
      await row
        .getByRole('list', { name: `Why Review “${heldTitle}” was held` })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['url: link "https://cheap.example.shop" (0.60)'])
    await adminPage.screenshot({ path: `${artifacts}reviews-moderation.png`, fullPage: true })
    await row.getByRole('button', { name: `Publish Review “${heldTitle}”` }).click()
    await row.waitFor({ state: 'detached' })
    await adminContext.close()
    await sellerPage.context().close()
    await page.goto(`${stack.web.url}/p/${product.slug}`)
    await page.getByRole('listitem', { name: heldTitle }).waitFor()
  })
})
