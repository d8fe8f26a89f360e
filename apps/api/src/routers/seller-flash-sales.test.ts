import { randomUUID } from 'node:crypto'
import { reserveStock } from '@emporium/db'
import { insertTestWarehouse } from '@emporium/db/testing'
import { closeFlashSale, flashSaleUnits } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveStockGated } from '../inventory/gated-reservations'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'

describe('seller flash sales: the Redis gate switched on and off per variant', () => {
  let api: RunningApi
  const opened: string[] = []
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await Promise.all(opened.map((v) => closeFlashSale(api.deps.redis, v)))
    await api.close()
  })

  /** An approved seller, signed in, owning one variant with `onHand` units in one warehouse. */
  async function sellerWithStock(onHand: number) {
    const { user, seller } = await createTestSeller(api.deps.db)
    const key = randomUUID()
    const product = await api.deps.db
      .insertInto('products')
      .values({
        seller_id: seller.id,
        name: `Drone ${key}`,
        slug: `drone-${key}`,
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const variant = await api.deps.db
      .insertInto('product_variants')
      .values({ product_id: product.id, sku: `DRONE-${key}`, title: 'Default' })
      .returning('id')
      .executeTakeFirstOrThrow()
    opened.push(variant.id)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    if (onHand > 0) {
      await browser.client.seller.adjustStock.mutate({
        variantId: variant.id,
        warehouseId: await insertTestWarehouse(api.deps.db),
        delta: onHand,
        idempotencyKey: `restock-${randomUUID()}`,
        reason: 'restock',
      })
    }
    return { client: browser.client, variantId: variant.id }
  }

  const buy = (variantId: string) =>
    reserveStockGated(api.deps.db, api.deps.redis, {
      ownerKey: `checkout:${randomUUID()}`,
      lines: [{ variantId, quantity: 1 }],
      shippingRegion: 'EU',
      expiresAt: new Date(Date.now() + 600_000),
    })

  it('opens the gate with the units available now; buyers beyond them are refused at the gate; ending it lets checkouts through again', async () => {
    const { client, variantId } = await sellerWithStock(7)
    // An open checkout already holds 2 of the 7.
    const held = await reserveStock(api.deps.db, {
      ownerKey: `checkout:${randomUUID()}`,
      lines: [{ variantId, quantity: 2 }],
      shippingRegion: 'EU',
      expiresAt: new Date(Date.now() + 600_000),
    })
    expect(held.ok).toBe(true)
    expect(await client.seller.getFlashSale.query({ variantId })).toEqual({
      variantId,
      open: false,
      units: null,
    })

    const gateOnInventoryPage = async () =>
      (await client.seller.listInventory.query({ variantId })).items.map((r) => r.flashSaleUnits)
    expect(await gateOnInventoryPage()).toEqual([null])
    expect(await client.seller.startFlashSale.mutate({ variantId })).toEqual({
      variantId,
      open: true,
      units: 5,
    })
    expect(await gateOnInventoryPage()).toEqual([5])
    const results = await Promise.all(Array.from({ length: 20 }, () => buy(variantId)))
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    const refusals = results.filter((r) => !r.ok)
    expect(refusals).toHaveLength(15)
    // Refused by the gate itself (its own message), not by Postgres naming the SKU.
    expect(
      refusals.every((r) => r.message === 'Sold out: every unit of this flash sale is taken.'),
    ).toBe(true)
    expect(await client.seller.getFlashSale.query({ variantId })).toEqual({
      variantId,
      open: true,
      units: 0,
    })

    expect(await client.seller.endFlashSale.mutate({ variantId })).toEqual({
      variantId,
      open: false,
      units: null,
    })
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBeNull()
    expect(await gateOnInventoryPage()).toEqual([null])
    // Without the gate the database decides, and it has nothing left either.
    const after = await buy(variantId)
    expect(after).toMatchObject({ ok: false, code: 'SOLD_OUT' })
    expect(after.ok ? '' : after.message).toMatch(/^Sold out: DRONE-.+ \(1 wanted, 0 left\)$/)
  })

  it("refuses a variant without available stock, and another seller's variant, opening nothing", async () => {
    const empty = await sellerWithStock(0)
    const emptyError = await errorOf(
      empty.client.seller.startFlashSale.mutate({ variantId: empty.variantId }),
    )
    expect(emptyError?.data?.code).toBe('CONFLICT')
    expect(emptyError?.message).toBe(
      'Nothing of this variant is available to sell; receive stock first.',
    )

    const owner = await sellerWithStock(3)
    const other = await sellerWithStock(3)
    for (const call of [
      () => other.client.seller.startFlashSale.mutate({ variantId: owner.variantId }),
      () => other.client.seller.getFlashSale.query({ variantId: owner.variantId }),
      () => other.client.seller.endFlashSale.mutate({ variantId: owner.variantId }),
    ]) {
      const error = await errorOf(call())
      expect(error?.data?.code).toBe('NOT_FOUND')
      expect(error?.message).toBe('No such product variant in your store.')
    }
    expect(await flashSaleUnits(api.deps.redis, owner.variantId)).toBeNull()
    expect(await flashSaleUnits(api.deps.redis, empty.variantId)).toBeNull()
  })
})
