import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import {
  cancelledResult,
  createCheckoutHarness,
  type CheckoutHarness,
} from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow refusals on the Temporal dev server', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  beforeAll(async () => {
    h = await createCheckoutHarness()
  })
  afterAll(async () => h?.close())

  it('a price that changed after its lock ran out refuses the cart before anything is reserved', async () => {
    const taskQueue = uniqueTaskQueue('checkout-price-changed')
    const v = await insertCheckoutVariant(h.db, 2_500, 5)
    const productName = (
      await h.db
        .selectFrom('products')
        .select('name')
        .where('id', '=', v.productId)
        .executeTakeFirstOrThrow()
    ).name
    // Added at 20.00, lock expired, the seller now asks 25.00.
    const shopper = await createCheckoutShopper(
      h.db,
      h.redis,
      [{ ...v, priceMinor: 2_000, quantity: 1 }],
      {
        priceLockMs: -60_000,
      },
    )
    const input = checkoutInputFor(shopper, 'tok_visa')
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())
    expect(result).toEqual({
      status: 'cancelled',
      orderId: null,
      orderNumber: null,
      failure: {
        code: 'cart_invalid',
        message: `The price of ${productName} has changed; review it before checking out.`,
      },
    })
    expect(await h.orderOf(input.idempotencyKey)).toBeUndefined()
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
  })

  it('products taken off sale (archived, or their store suspended) while their price lock holds refuse the cart, nothing reserved', async () => {
    const taskQueue = uniqueTaskQueue('checkout-archived')
    const onSale = await insertCheckoutVariant(h.db, 1_000, 5)
    const archived = await insertCheckoutVariant(h.db, 2_000, 5)
    const suspended = await insertCheckoutVariant(h.db, 3_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [
      { ...onSale, quantity: 1 },
      { ...archived, quantity: 1 },
      { ...suspended, quantity: 1 },
    ])
    const { name } = await h.db
      .updateTable('products')
      .set({ status: 'archived' })
      .where('id', '=', archived.productId)
      .returning('name')
      .executeTakeFirstOrThrow()
    await h.db
      .updateTable('sellers')
      .set({ status: 'suspended', suspension_reason: 'Counterfeit goods' })
      .where('id', '=', suspended.sellerId)
      .execute()
    const { name: suspendedName } = await h.db
      .selectFrom('products')
      .select('name')
      .where('id', '=', suspended.productId)
      .executeTakeFirstOrThrow()
    const input = checkoutInputFor(shopper, 'tok_visa')
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())
    expect(result).toMatchObject({
      status: 'cancelled',
      orderId: null,
      orderNumber: null,
      failure: { code: 'cart_invalid' },
    })
    // One sentence per product off sale.
    const sentences = result.status === 'cancelled' ? result.failure.message.split(/(?<=\.) /) : []
    expect(sentences.sort()).toEqual(
      [name, suspendedName].map((n) => `${n} is no longer available; remove it.`).sort(),
    )
    expect(await h.orderOf(input.idempotencyKey)).toBeUndefined()
    for (const v of [onSale, archived, suspended])
      expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
  })

  it('an address outside the region the cart was priced for is refused', async () => {
    const taskQueue = uniqueTaskQueue('checkout-address')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }], {
      addressCountry: 'DE',
    })
    const input = checkoutInputFor(shopper, 'tok_visa')
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())
    expect(result).toMatchObject({
      status: 'cancelled',
      failure: {
        code: 'cart_invalid',
        message:
          'Your cart was priced for shipping to US-NY, but the address is in DE; choose a matching address or region.',
      },
    })
    expect(await h.orderOf(input.idempotencyKey)).toBeUndefined()
  })

  it('a gateway outage is retried for the patience window, then the order is cancelled with nothing charged', async () => {
    const taskQueue = uniqueTaskQueue('checkout-outage')
    const v = await insertCheckoutVariant(h.db, 2_000, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'tok_gatewayOutage', { gatewayPatienceMs: 3_000 })
    const worker = await h.worker(taskQueue)
    const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())
    const order = await h.orderOf(input.idempotencyKey)
    expect(result).toEqual(
      cancelledResult(order!, {
        code: 'payment_declined',
        message:
          'The payment provider is not responding, so the order was cancelled; nothing was charged.',
      }),
    )
    expect(order!.status).toBe('cancelled')
    expect(await h.paymentsOf(order!.id)).toEqual([])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 0 })
  })
})
