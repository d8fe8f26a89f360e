import { randomUUID } from 'node:crypto'
import { reserveStock } from '@emporium/db'
import { insertTestWarehouse } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'

describe('seller inventory: adjustments, ledger, low-stock alerts', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  /** An approved seller, signed in, owning one variant; plus a warehouse. */
  async function sellerWithVariant() {
    const { user, seller } = await createTestSeller(api.deps.db)
    const key = randomUUID()
    const product = await api.deps.db
      .insertInto('products')
      .values({ seller_id: seller.id, name: `Lamp ${key}`, slug: `lamp-${key}`, status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const variant = await api.deps.db
      .insertInto('product_variants')
      .values({ product_id: product.id, sku: `LAMP-${key}`, title: 'Default' })
      .returning(['id', 'sku'])
      .executeTakeFirstOrThrow()
    const warehouseId = await insertTestWarehouse(api.deps.db)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    return { client: browser.client, seller, variantId: variant.id, sku: variant.sku, warehouseId }
  }

  it('applies an adjustment once per idempotency key and records it in the ledger', async () => {
    const { client, variantId, warehouseId } = await sellerWithVariant()
    const adjust = {
      variantId,
      warehouseId,
      delta: 12,
      idempotencyKey: `restock-${randomUUID()}`,
      reason: 'restock' as const,
    }
    const first = await client.seller.adjustStock.mutate(adjust)
    const retried = await client.seller.adjustStock.mutate(adjust)
    const level = {
      variantId,
      warehouseId,
      onHand: 12,
      reserved: 0,
      available: 12,
      lowStockThreshold: 5,
      low: false,
    }
    expect(first).toEqual({ applied: true, level })
    expect(retried).toEqual({ applied: false, level })
    const ledger = await client.seller.listStockMovements.query({ variantId })
    expect(ledger.items.map((m) => [m.reason, m.onHandDelta, m.reservedDelta])).toEqual([
      ['restock', 12, 0],
    ])
    expect(ledger.nextBeforeId).toBeNull()
  })

  it('raises a low-stock alert when available falls to the threshold, and lists the row as low', async () => {
    const { client, variantId, sku, warehouseId } = await sellerWithVariant()
    await client.seller.adjustStock.mutate({
      variantId,
      warehouseId,
      setOnHand: 20,
      idempotencyKey: `count-${randomUUID()}`,
      reason: 'adjustment',
      lowStockThreshold: 8,
    })
    expect((await client.seller.listLowStockAlerts.query({})).items).toEqual([])
    await client.seller.adjustStock.mutate({
      variantId,
      warehouseId,
      delta: -12,
      idempotencyKey: `loss-${randomUUID()}`,
      reason: 'adjustment',
    })
    const alerts = await client.seller.listLowStockAlerts.query({})
    expect(alerts.items).toMatchObject([
      { variantId, sku, warehouseId, available: 8, threshold: 8 },
    ])
    const inventory = await client.seller.listInventory.query({ lowOnly: true })
    expect(inventory.items).toMatchObject([
      { variantId, sku, warehouseId, onHand: 8, available: 8, low: true },
    ])
  })

  it('refuses to drop on hand below what open checkouts reserved, changing nothing', async () => {
    const { client, variantId, warehouseId } = await sellerWithVariant()
    await client.seller.adjustStock.mutate({
      variantId,
      warehouseId,
      setOnHand: 6,
      idempotencyKey: `count-${randomUUID()}`,
      reason: 'adjustment',
    })
    const reserved = await reserveStock(api.deps.db, {
      ownerKey: `checkout-${randomUUID()}`,
      lines: [{ variantId, quantity: 4 }],
      shippingRegion: 'EU',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    expect(reserved.ok).toBe(true)
    const error = await errorOf(
      client.seller.adjustStock.mutate({
        variantId,
        warehouseId,
        setOnHand: 3,
        idempotencyKey: `count-${randomUUID()}`,
        reason: 'adjustment',
      }),
    )
    expect(error?.data?.code).toBe('CONFLICT')
    expect(error?.message).toBe('On hand cannot drop to 3: 4 units are reserved by open checkouts.')
    const [row] = (await client.seller.listInventory.query({ variantId })).items
    expect(row).toMatchObject({ onHand: 6, reserved: 4, available: 2 })
    const ledger = await client.seller.listStockMovements.query({ variantId })
    expect(ledger.items.map((m) => m.reason)).toEqual(['reserve', 'adjustment'])
  })

  it('pages through the inventory by SKU and warehouse without gaps or repeats', async () => {
    const { client, variantId, sku, warehouseId } = await sellerWithVariant()
    const second = await insertTestWarehouse(api.deps.db)
    const third = await insertTestWarehouse(api.deps.db)
    for (const [i, w] of [warehouseId, second, third].entries()) {
      await client.seller.adjustStock.mutate({
        variantId,
        warehouseId: w,
        delta: 10 + i,
        idempotencyKey: `restock-${randomUUID()}`,
        reason: 'restock',
      })
    }
    const first = await client.seller.listInventory.query({ limit: 2 })
    expect(first.items.map((r) => r.onHand)).toEqual([10, 11])
    expect(first.next).toEqual({ sku, warehouseId: second })
    const rest = await client.seller.listInventory.query({
      limit: 2,
      after: first.next ?? undefined,
    })
    expect(rest.items.map((r) => [r.warehouseId, r.onHand])).toEqual([[third, 12]])
    expect(rest.next).toBeNull()
  })

  it('the ledger names each movement’s warehouse and the on hand it left there, page after page', async () => {
    const { client, variantId, warehouseId } = await sellerWithVariant()
    const second = await insertTestWarehouse(api.deps.db)
    const [firstCode, secondCode] = await Promise.all(
      [warehouseId, second].map(
        async (id) =>
          (
            await api.deps.db
              .selectFrom('warehouses')
              .select('code')
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
          ).code,
      ),
    )
    const adjust = (
      w: number,
      change: { delta: number } | { setOnHand: number },
      reason: 'restock' | 'adjustment',
    ) =>
      client.seller.adjustStock.mutate({
        variantId,
        warehouseId: w,
        ...change,
        idempotencyKey: `move-${randomUUID()}`,
        reason,
      })
    await adjust(warehouseId, { delta: 10 }, 'restock')
    await adjust(second, { delta: 4 }, 'restock')
    await adjust(warehouseId, { setOnHand: 7 }, 'adjustment')
    const reserved = await reserveStock(api.deps.db, {
      ownerKey: `checkout-${randomUUID()}`,
      lines: [{ variantId, quantity: 2 }],
      shippingRegion: 'EU',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    expect(reserved.ok).toBe(true)
    await adjust(second, { delta: -1 }, 'adjustment')

    const first = await client.seller.listStockMovements.query({ variantId, limit: 3 })
    const older = await client.seller.listStockMovements.query({
      variantId,
      limit: 3,
      beforeId: first.nextBeforeId ?? undefined,
    })
    expect(older.nextBeforeId).toBeNull()
    const row = (m: (typeof first.items)[number]) => [
      m.warehouseCode,
      m.reason,
      m.onHandDelta,
      m.reservedDelta,
      m.onHandAfter,
    ]
    const reservedIn = first.items[1]?.warehouseCode
    expect([...first.items, ...older.items].map(row)).toEqual([
      [secondCode, 'adjustment', -1, 0, 3],
      [reservedIn, 'reserve', 0, 2, reservedIn === firstCode ? 7 : 4],
      [firstCode, 'adjustment', -3, 0, 7],
      [secondCode, 'restock', 4, 0, 4],
      [firstCode, 'restock', 10, 0, 10],
    ])
  })

  it("a seller cannot adjust or see another seller's stock", async () => {
    const a = await sellerWithVariant()
    const b = await sellerWithVariant()
    await a.client.seller.adjustStock.mutate({
      variantId: a.variantId,
      warehouseId: a.warehouseId,
      setOnHand: 5,
      idempotencyKey: `count-${randomUUID()}`,
      reason: 'adjustment',
    })
    const error = await errorOf(
      b.client.seller.adjustStock.mutate({
        variantId: a.variantId,
        warehouseId: a.warehouseId,
        delta: -5,
        idempotencyKey: `steal-${randomUUID()}`,
        reason: 'adjustment',
      }),
    )
    expect(error?.data?.code).toBe('NOT_FOUND')
    expect(
      (await a.client.seller.listInventory.query({ variantId: a.variantId })).items,
    ).toMatchObject([{ onHand: 5 }])
    expect(
      (await a.client.seller.listStockMovements.query({ variantId: a.variantId })).items,
    ).toHaveLength(1)
    expect((await b.client.seller.listInventory.query({ variantId: a.variantId })).items).toEqual(
      [],
    )
    expect(
      (await b.client.seller.listStockMovements.query({ variantId: a.variantId })).items,
    ).toEqual([])
  })
})
