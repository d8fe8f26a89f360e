import type { RunningApi } from '../server'
import { signIn, type TestClient } from './api-client'
import { createTestUser } from './users'

/** The New York address test shoppers ship to. */
export const NEW_YORK_ADDRESS = {
  fullName: 'Ada Lovelace',
  line1: '1 Analytical Way',
  city: 'New York',
  region: 'NY',
  postalCode: '10001',
  country: 'US',
} as const

/** A signed-in shopper with a default address in New York and `quantity` of a variant in the cart. */
export async function shopperWithCart(api: RunningApi, variantId: string, quantity = 1) {
  const user = await createTestUser(api.deps.db)
  const browser = await signIn(api.url, user.email, user.password)
  const address = await browser.client.account.createAddress.mutate({
    ...NEW_YORK_ADDRESS,
    makeDefault: true,
  })
  await browser.client.cart.addLine.mutate({ variantId, quantity })
  await browser.client.cart.setShippingRegion.mutate({ region: 'US-NY' })
  return { user, browser, addressId: address.id }
}

/** Places the shopper's cart with a test card token under an idempotency key. */
export const placeOrder = (browser: TestClient, addressId: string, token: string, key: string) =>
  browser.client.orders.place.mutate(
    { shippingAddressId: addressId, paymentMethodToken: token },
    { context: { idempotencyKey: key } },
  )
