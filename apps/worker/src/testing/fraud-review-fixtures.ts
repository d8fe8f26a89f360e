import type { Db } from '@emporium/db'
import { sql } from 'kysely'
import type { Redis } from '@emporium/infra'
import type { CheckoutInput, CheckoutTimeouts } from '@emporium/workflows'
import { checkoutInputFor, createCheckoutShopper, insertCheckoutVariant } from './checkout-fixtures'

/**
 * A new account's first order of 1,200.00 USD (plus tax) shipped to the US and billed to a UK
 * address: "first order of high value" (35) and "billing/shipping mismatch" (20) put it at 55,
 * over the review score of 50, so it is held for review. 3 units are in stock, 2 are bought.
 */
export async function createRiskyCheckout(
  db: Db,
  redis: Redis,
  paymentMethodToken: string,
  timeouts: Partial<CheckoutTimeouts> = {},
) {
  const variant = await insertCheckoutVariant(db, 60_000, 3)
  const shopper = await createCheckoutShopper(db, redis, [{ ...variant, quantity: 2 }])
  const billing = await insertBillingAddress(db, shopper.userId, 'GB')
  const input: CheckoutInput = {
    ...checkoutInputFor(shopper, paymentMethodToken, timeouts),
    billingAddressId: billing.id,
    clientIp: '203.0.113.7',
  }
  return { variant, shopper, input }
}

/** A billing address in `country` in the shopper's address book (the default only if it is the first). */
export async function insertBillingAddress(db: Db, userId: string, country: string) {
  return db
    .insertInto('addresses')
    .values({
      user_id: userId,
      full_name: 'Billing Name',
      line1: '12 Billing Street',
      city: 'Billington',
      postal_code: '00000',
      country,
      is_default: sql<boolean>`not exists (select 1 from addresses where user_id = ${userId})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}
