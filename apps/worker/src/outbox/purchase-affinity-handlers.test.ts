import type { Db, OutboxEvent } from '@emporium/db'
import { createTestDb, insertTestOrder, insertTestUser } from '@emporium/db/testing'
import { createRedis, loadPersonalization } from '@emporium/infra'
import { createFixtureCatalog, insertFixtureProduct, testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPurchaseAffinityHandlers } from './purchase-affinity-handlers'

describe('purchase affinity from order.paid events', () => {
  const redis = createRedis(testConfig())
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await Promise.all([db.destroy(), redis.quit()])
  })

  const event = (orderId: string, eventType: string): OutboxEvent =>
    ({
      id: 1,
      aggregate_type: 'order',
      aggregate_id: orderId,
      event_type: eventType,
    }) as OutboxEvent

  it('a paid order makes its products’ brand and category the shopper’s; other order events do not', async () => {
    const catalog = await createFixtureCatalog(db)
    const camera = await insertFixtureProduct(db, catalog, {
      name: 'Canon - EOS Rebel T6',
      brand: 'Canon',
      category: 'phones',
      priceMinor: 44_999,
    })
    const [handle] = createPurchaseAffinityHandlers(db, redis).order ?? []
    if (!handle) throw new Error('no order handler')
    const buyer = await insertTestUser(db)
    const order = await insertTestOrder(db, buyer.id, { status: 'paid' })
    await db
      .insertInto('order_items')
      .values({
        order_id: order.id,
        seller_id: catalog.sellerId,
        product_id: camera,
        product_name: 'Canon - EOS Rebel T6',
        sku: `SKU-${order.id}`,
        unit_price_minor: 44_999,
        quantity: 1,
      })
      .execute()

    await handle(event(order.id, 'order.cancelled'))
    // Nothing learnt from an order that was not paid.
    expect(await loadPersonalization(redis, buyer.id)).toBeUndefined()
    await handle(event(order.id, 'order.paid'))
    await handle(event(order.id, 'order.paid'))
    expect(await loadPersonalization(redis, buyer.id)).toEqual({
      categoryAffinity: { [`${catalog.root}/phones`]: 1 },
      brandAffinity: { Canon: 1 },
    })
  })
})
