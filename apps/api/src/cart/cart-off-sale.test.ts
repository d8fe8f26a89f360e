import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'

const usd = (amount: number) => ({ amount, currency: 'USD' })

describe('cart lines taken off sale while their price lock holds (over HTTP)', () => {
  let api: RunningApi
  let region: string
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    // A region of our own without tax, so no other test's tax rate can interfere.
    region = `XO-${randomUUID().replace(/-/g, '').slice(0, 3).toUpperCase()}`
    await api.deps.db
      .insertInto('tax_rates')
      .values({ region, name: 'No tax', rate_bps: 0 })
      .onConflict((oc) => oc.column('region').doUpdateSet({ rate_bps: 0 }))
      .execute()
  })
  afterAll(async () => {
    await api.close()
  })

  it('an archived product and a suspended store’s product block checkout at once and leave the totals; removing them makes the cart ready', async () => {
    const db = api.deps.db
    const onSale = await insertCartVariant(db, { prices: { USD: 1000 } })
    const archived = await insertCartVariant(db, { prices: { USD: 2000 } })
    const suspended = await insertCartVariant(db, { prices: { USD: 3000 } })
    const { client } = createTestClient(api.url)
    for (const v of [onSale, archived, suspended])
      await client.cart.addLine.mutate({ variantId: v.variantId, quantity: 1 })
    const before = await client.cart.setShippingRegion.mutate({ region })
    expect(before.checkout).toEqual({ ready: true, blockers: [] })
    expect(before.totals.subtotal).toEqual(usd(6000))

    await db
      .updateTable('products')
      .set({ status: 'archived' })
      .where('id', '=', archived.productId)
      .execute()
    await db
      .updateTable('sellers')
      .set({ status: 'suspended', suspension_reason: 'Counterfeit goods' })
      .where('id', '=', suspended.sellerId)
      .execute()

    // The price locks (30 minutes) still hold: the lines are unavailable now, not when they end.
    const view = await client.cart.get.query()
    const statusOf = (v: { variantId: string }) =>
      view.lines.find((l) => l.variantId === v.variantId)
    expect(statusOf(onSale)).toMatchObject({ status: 'ok', lineTotal: usd(1000) })
    expect(statusOf(archived)).toMatchObject({ status: 'unavailable', lineTotal: null })
    expect(statusOf(suspended)).toMatchObject({ status: 'unavailable', lineTotal: null })
    expect(new Date(statusOf(archived)!.lockedUntil).getTime()).toBeGreaterThan(Date.now())
    expect(view.checkout.ready).toBe(false)
    expect([...view.checkout.blockers].sort()).toEqual(
      [archived, suspended]
        .map((v) => `${v.productName} is no longer available; remove it.`)
        .sort(),
    )
    // What is left to pay for is only what can still be bought.
    expect(view.totals.subtotal).toEqual(usd(1000))
    expect(view.totals.lines.map((l) => l.lineId)).toEqual([onSale.variantId])

    // Neither can be put back in a cart while off sale.
    for (const v of [archived, suspended]) {
      const error = await errorOf(
        client.cart.updateLine.mutate({ variantId: v.variantId, quantity: 2 }),
      )
      expect([error?.data?.code, error?.message]).toEqual([
        'NOT_FOUND',
        'That product is not available.',
      ])
    }
    await client.cart.removeLine.mutate({ variantId: archived.variantId })
    const cleared = await client.cart.removeLine.mutate({ variantId: suspended.variantId })
    expect(cleared.lines.map((l) => l.variantId)).toEqual([onSale.variantId])
    expect(cleared.checkout).toEqual({ ready: true, blockers: [] })
    expect(cleared.totals.subtotal).toEqual(usd(1000))
  })
})
