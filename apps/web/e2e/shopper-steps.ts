import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { PASSWORD } from './shop-fixtures'

/** Signs a new shopper up in the browser (signed in afterwards); returns the email. */
export async function signUpShopper(page: Page, webUrl: string): Promise<string> {
  const email = `shopper-${randomUUID()}@example.test`
  await page.goto(`${webUrl}/sign-up`)
  await page.getByLabel('Name (optional)').fill('Ada Shopper')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('banner').getByText('Signed in as Ada Shopper').waitFor()
  return email
}

/** Adds a US address to the signed-in shopper's address book through the account page. */
export async function addAddress(page: Page, webUrl: string, fullName: string): Promise<void> {
  await page.goto(`${webUrl}/account`)
  const book = page.getByRole('region', { name: 'Address book' })
  await book.getByRole('button', { name: 'Add an address' }).click()
  const form = book.getByRole('form', { name: 'New address' })
  await form.getByLabel('Full name').fill(fullName)
  await form.getByLabel('Address line 1').fill('1 Main Street')
  await form.getByLabel('City').fill('Springfield')
  await form.getByLabel('Postal code').fill('12345')
  await form.getByLabel('Country code').fill('US')
  await form.getByRole('button', { name: 'Add address' }).click()
  await book.getByRole('list', { name: 'Addresses' }).getByText(fullName, { exact: true }).waitFor()
}

/** Opens a product page, picks a colour and adds `quantity` to the cart. */
export async function addToCart(
  page: Page,
  webUrl: string,
  slug: string,
  color: string,
  quantity = 1,
): Promise<void> {
  await page.goto(`${webUrl}/p/${slug}`)
  await page.getByRole('radio', { name: color }).check()
  const form = page.getByRole('form', { name: 'Add to cart' })
  await form.getByLabel('Quantity').fill(String(quantity))
  await form.getByRole('button', { name: 'Add to cart' }).click()
  await form.getByText(/^Added /).waitFor()
}

/** What "Place order" sent to `orders.place`, and the ids of the addresses chosen in the form. */
export interface PlacedCheckout {
  sent: unknown
  shippingAddressId: string | null
  billingAddressId: string | null
}

/**
 * From the cart to a placed order: address (and, if named, another billing address), card token,
 * "Place order".
 */
export async function checkOut(
  page: Page,
  webUrl: string,
  fullName: string,
  token: string,
  billingName?: string,
): Promise<PlacedCheckout> {
  await page.goto(`${webUrl}/cart`)
  await page.getByRole('link', { name: 'Go to checkout' }).click()
  const form = page.getByRole('form', { name: 'Place your order' })
  const shipTo = form.getByRole('radio', { name: new RegExp(`^${fullName},`) })
  await shipTo.check()
  const shippingAddressId = await shipTo.getAttribute('value')
  // Choosing the address sets where the cart ships; the blocker about it goes away.
  await form.getByText('Choose where to ship your order.').waitFor({ state: 'detached' })
  let billingAddressId: string | null = null
  if (billingName) {
    const billing = form.getByLabel('Billing address')
    billingAddressId = await billing
      .getByRole('option', { name: new RegExp(`^${billingName},`) })
      .getAttribute('value')
    await billing.selectOption(billingAddressId ?? '')
  }
  await form.getByLabel('Card token').fill(token)
  const placing = page.waitForRequest((r) => r.url().includes('/trpc/orders.place'))
  await form.getByRole('button', { name: 'Place order' }).click()
  const sent: unknown = (await placing).postDataJSON()
  await page.getByRole('heading', { name: 'Your order' }).waitFor()
  return { sent, shippingAddressId, billingAddressId }
}
