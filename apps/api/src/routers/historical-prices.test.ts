import { randomUUID } from 'node:crypto'
import { insertTestOrder } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

describe('historical prices: an order keeps what was bought, whatever later edits do', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('keeps name, SKU and unit price after a rename, a price change and the variant being removed', async () => {
    const { user, seller } = await createTestSeller(api.deps.db)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    const product = await browser.client.seller.createProduct.mutate({
      name: 'Desk Lamp',
      options: [{ name: 'Finish', values: ['Brass', 'Steel'] }],
      prices: [{ amount: 4500, currency: 'USD' }],
    })
    const brass = product.variants.find((v) => v.optionValues.Finish === 'Brass')
    if (!brass) throw new Error('no Brass variant')
    const shopper = await createTestUser(api.deps.db)
    const order = await insertTestOrder(api.deps.db, shopper.id, {
      subtotal_minor: 4500,
      total_minor: 4500,
    })
    await api.deps.db
      .insertInto('order_items')
      .values({
        order_id: order.id,
        seller_id: seller.id,
        variant_id: brass.id,
        product_id: product.id,
        product_name: 'Desk Lamp',
        sku: brass.sku,
        unit_price_minor: 4500,
        quantity: 1,
      })
      .execute()

    // The seller renames the product, reprices it and drops the Brass finish (its variant is deleted).
    await browser.client.seller.updateProduct.mutate({
      productId: product.id,
      name: 'Desk Lamp Mk II',
      options: [{ name: 'Finish', values: ['Steel'] }],
      prices: [{ amount: 5900, currency: 'USD' }],
    })
    const current = await browser.client.seller.getProduct.query({ productId: product.id })
    expect(current.name).toBe('Desk Lamp Mk II')
    expect(current.variants.map((v) => v.sku)).not.toContain(brass.sku)

    const line = await api.deps.db
      .selectFrom('order_items')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow()
    expect(line).toMatchObject({
      product_name: 'Desk Lamp',
      sku: brass.sku,
      unit_price_minor: 4500,
      quantity: 1,
      variant_id: null, // the variant is gone; the line is not
      product_id: product.id,
    })
  })
})
