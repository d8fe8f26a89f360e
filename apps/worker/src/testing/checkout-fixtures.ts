import { randomUUID } from 'node:crypto'
import { DEFAULT_CART_SETTINGS, writeCart, type CartMeta, type StoredLine } from '@emporium/cart'
import { createAddress, type Db } from '@emporium/db'
import {
  insertTestStock,
  insertTestUser,
  insertTestVariant,
  insertTestWarehouse,
} from '@emporium/db/testing'
import { piiKeyRingOf, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import type { CheckoutInput, CheckoutTimeouts } from '@emporium/workflows'

/** A variant on sale in USD with stock in one US warehouse. */
export async function insertCheckoutVariant(db: Db, priceMinor: number, onHand: number) {
  const variant = await insertTestVariant(db)
  await db
    .insertInto('prices')
    .values({ variant_id: variant.variantId, currency: 'USD', amount_minor: priceMinor })
    .execute()
  const warehouseId = await insertTestWarehouse(db, 'US')
  await insertTestStock(db, variant.variantId, warehouseId, onHand)
  return { ...variant, priceMinor, warehouseId }
}

/** A fixed USD coupon with a unique code and an optional total usage limit. */
export async function insertCheckoutCoupon(db: Db, valueMinor: number, usageLimitTotal?: number) {
  return db
    .insertInto('coupons')
    .values({
      code: `SAVE-${randomUUID()}`,
      kind: 'fixed',
      value: valueMinor,
      currency: 'USD',
      usage_limit_total: usageLimitTotal ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * A shopper with a complete US address and a USD cart in Redis shipping to US-NY (4% tax, 4.99
 * shipping under 50.00), holding `quantity` of each variant at its current price.
 */
export async function createCheckoutShopper(
  db: Db,
  redis: Redis,
  lines: { variantId: string; sku: string; priceMinor: number; quantity: number }[],
  options: { couponCodes?: string[]; priceLockMs?: number; addressCountry?: string } = {},
) {
  const user = await insertTestUser(db)
  // Sealed with the test configuration's keys, which the checkout workers under test also use.
  const address = await createAddress(
    db,
    piiKeyRingOf(testConfig()),
    user.id,
    {
      fullName: 'Ada Lovelace',
      line1: '1 Analytical Way',
      city: 'New York',
      postalCode: '10001',
      country: options.addressCountry ?? 'US',
      region: 'NY',
    },
    true,
  )
  const now = new Date()
  const meta: CartMeta = {
    id: randomUUID(),
    currency: 'USD',
    exchangeRate: null,
    exchangeRateDecimal: null,
    couponCodes: options.couponCodes ?? [],
    shippingRegion: 'US-NY',
    userId: user.id,
    createdAt: now.toISOString(),
  }
  const stored: StoredLine[] = lines.map((l) => ({
    variantId: l.variantId,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: { amount: l.priceMinor, currency: 'USD' },
    lockedUntil: new Date(now.getTime() + (options.priceLockMs ?? 30 * 60_000)).toISOString(),
  }))
  await writeCart(redis, meta, { meta, putLines: stored }, DEFAULT_CART_SETTINGS)
  return { userId: user.id, cartId: meta.id, addressId: address.id }
}

/** Checkout input for a shopper, paying with `token`, with test-sized timeouts. */
export function checkoutInputFor(
  shopper: { userId: string; cartId: string; addressId: string },
  paymentMethodToken: string,
  timeouts: Partial<CheckoutTimeouts> = {},
): CheckoutInput {
  return {
    cartId: shopper.cartId,
    userId: shopper.userId,
    idempotencyKey: `place-${randomUUID()}`,
    shippingAddressId: shopper.addressId,
    paymentMethodToken,
    timeouts: {
      paymentTimeoutMs: 20_000,
      paymentPollIntervalMs: 300,
      maxPaymentAttempts: 1,
      paymentRetryBackoffMs: 200,
      paymentMethodWaitMs: 1_000,
      gatewayPatienceMs: 60_000,
      ...timeouts,
    },
  }
}
