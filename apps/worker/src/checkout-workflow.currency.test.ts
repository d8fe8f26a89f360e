import { DEFAULT_CART_SETTINGS, writeCart, type CartMeta } from '@emporium/cart'
import { findExchangeRate } from '@emporium/db'
import { lockExchangeRate } from '@emporium/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkout of a cart in another currency', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  it('the order keeps the exchange rate the cart locked at creation, not today’s rate', async () => {
    // The cart was created when 1 USD was 1.25 CAD; the rate kept today differs.
    const locked = '1.25'
    expect(await findExchangeRate(h.db, 'USD', 'CAD')).not.toBe('1.2500000000')
    const v = await insertCheckoutVariant(h.db, 2_000, 3) // priced in USD only
    const shopper = await createCheckoutShopper(h.db, h.redis, [])
    const createdAt = new Date(Date.now() - 60 * 60_000)
    const meta: CartMeta = {
      id: shopper.cartId,
      currency: 'CAD',
      exchangeRate: lockExchangeRate({ from: 'USD', to: 'CAD', rate: locked }, createdAt),
      exchangeRateDecimal: locked,
      couponCodes: [],
      shippingRegion: 'US-NY',
      userId: shopper.userId,
      createdAt: createdAt.toISOString(),
    }
    await writeCart(
      h.redis,
      meta,
      {
        meta,
        putLines: [
          {
            variantId: v.variantId,
            sku: v.sku,
            quantity: 1,
            // 20.00 USD at the locked 1.25 (the line's price lock has run out, the rate has not).
            unitPrice: { amount: 2_500, currency: 'CAD' },
            lockedUntil: createdAt.toISOString(),
          },
        ],
      },
      DEFAULT_CART_SETTINGS,
    )

    const taskQueue = uniqueTaskQueue('checkout-currency')
    const input = checkoutInputFor(shopper, 'tok_visa')
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())

    expect(result.status).toBe('paid')
    const order = await h.orderOf(input.idempotencyKey)
    // 25.00 CAD, 4% New York tax 1.00, shipping 4.99 CAD (free only from 50.00).
    expect(order).toMatchObject({
      status: 'paid',
      currency: 'CAD',
      exchange_rate_base: 'USD',
      exchange_rate: '1.2500000000',
      subtotal_minor: 2_500,
      tax_minor: 100,
      shipping_minor: 499,
      total_minor: 3_099,
    })
    expect(
      (await h.paymentsOf(order!.id)).map((p) => [p.status, p.currency, p.amount_minor]),
    ).toEqual([['captured', 'CAD', 3_099]])
  })
})
