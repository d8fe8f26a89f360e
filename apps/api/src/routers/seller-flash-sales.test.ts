import { randomUUID } from 'node:crypto'
import { reserveStock } from '@emporium/db'
import { insertTestWarehouse } from '@emporium/db/testing'
import { admit, closeFlashSale, flashSaleUnits } from '@emporium/infra'
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
    const warehouseId = await insertTestWarehouse(api.deps.db)
    if (onHand > 0) {
      await browser.client.seller.adjustStock.mutate({
        variantId: variant.id,
        warehouseId,
        delta: onHand,
        idempotencyKey: `restock-${randomUUID()}`,
        reason: 'restock',
      })
    }
    return { client: browser.client, variantId: variant.id, warehouseId }
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

  it('stock received while the sale runs joins its gate once, even when the adjustment is retried', async () => {
    const { client, variantId, warehouseId } = await sellerWithStock(3)
    expect(await client.seller.startFlashSale.mutate({ variantId })).toMatchObject({ units: 3 })
    const restock = {
      variantId,
      warehouseId,
      delta: 4,
      idempotencyKey: `restock-${randomUUID()}`,
      reason: 'restock' as const,
    }
    expect(await client.seller.adjustStock.mutate(restock)).toMatchObject({ applied: true })
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBe(7)
    // The client did not hear back and sends the same adjustment again: nothing more joins.
    expect(await client.seller.adjustStock.mutate(restock)).toMatchObject({
      applied: false,
      level: { onHand: 7, available: 7 },
    })
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBe(7)

    const results = await Promise.all(Array.from({ length: 8 }, () => buy(variantId)))
    expect(results.filter((r) => r.ok)).toHaveLength(7)
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.message))).toEqual([
      'Sold out: every unit of this flash sale is taken.',
    ])
    expect(await client.seller.adjustStock.mutate(restock)).toMatchObject({ applied: false })
    expect(await buy(variantId)).toMatchObject({
      ok: false,
      message: 'Sold out: every unit of this flash sale is taken.',
    })
    const [row] = (await client.seller.listInventory.query({ variantId })).items
    expect(row).toMatchObject({ onHand: 7, reserved: 7, available: 0, flashSaleUnits: 0 })
  })

  it('stock written off while the sale runs leaves its gate, which never drops below 0', async () => {
    const { client, variantId, warehouseId } = await sellerWithStock(6)
    await client.seller.startFlashSale.mutate({ variantId })
    const loss = (delta: number) =>
      client.seller.adjustStock.mutate({
        variantId,
        warehouseId,
        delta,
        idempotencyKey: `loss-${randomUUID()}`,
        reason: 'adjustment',
      })
    await loss(-2)
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBe(4)
    const results = await Promise.all(Array.from({ length: 4 }, () => buy(variantId)))
    expect(results.filter((r) => r.ok)).toHaveLength(4)
    // Gate at 0; 4 on hand, all reserved. Writing off 2 more is refused by Postgres (below
    // reserved) and leaves the gate alone.
    const refused = await errorOf(loss(-2))
    expect(refused?.data?.code).toBe('CONFLICT')
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBe(0)
    await loss(3)
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBe(3)
    // Two buyers are past the gate and on their way to Postgres when the 3 units are written off.
    expect(await admit(api.deps.redis, variantId, 2)).toEqual({ admitted: true, remaining: 1 })
    await loss(-3)
    expect(await flashSaleUnits(api.deps.redis, variantId)).toBe(0)
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
