import type { Db } from '@emporium/db'
import { createTestDb, insertTestOrder, insertTestUser } from '@emporium/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedis } from '../redis'
import { testConfig } from '../testing'
import { loadPersonalization } from './affinity'
import { createFixtureCatalog, insertFixtureProduct, type FixtureCatalog } from './catalog-fixtures'
import { recordCartAddAffinity, recordPurchaseAffinity } from './product-affinity'

describe('shopper affinity from cart adds and purchases', () => {
  const redis = createRedis(testConfig())
  let db: Db
  let catalog: FixtureCatalog
  let phone: string
  let charger: string

  beforeAll(async () => {
    db = await createTestDb()
    catalog = await createFixtureCatalog(db)
    phone = await insertFixtureProduct(db, catalog, {
      name: 'Apple - iPhone 7 32GB',
      brand: 'Apple',
      category: 'phones',
      priceMinor: 64_999,
    })
    charger = await insertFixtureProduct(db, catalog, {
      name: 'Insignia - Vehicle Charger',
      brand: 'Insignia',
      category: 'accessories',
      priceMinor: 1_999,
    })
  })
  afterAll(async () => {
    await Promise.all([db.destroy(), redis.quit()])
  })

  it('a cart add makes the product’s category and brand the shopper’s strongest', async () => {
    const user = await insertTestUser(db)
    await recordCartAddAffinity(db, redis, user.id, charger)
    expect(await loadPersonalization(redis, user.id)).toEqual({
      categoryAffinity: { [`${catalog.root}/accessories`]: 1 },
      brandAffinity: { Insignia: 1 },
    })
  })

  it('a paid order outweighs a cart add, and counts once however often it is recorded', async () => {
    const user = await insertTestUser(db)
    await recordCartAddAffinity(db, redis, user.id, charger)
    const order = await insertTestOrder(db, user.id)
    await db
      .insertInto('order_items')
      .values({
        order_id: order.id,
        seller_id: catalog.sellerId,
        product_id: phone,
        product_name: 'Apple - iPhone 7 32GB',
        sku: `SKU-${order.id}`,
        unit_price_minor: 64_999,
        quantity: 1,
      })
      .execute()

    expect(await recordPurchaseAffinity(db, redis, order.id)).toBe(true)
    expect(await recordPurchaseAffinity(db, redis, order.id)).toBe(false)

    // purchase 5 vs cart add 3: the phone leads, the charger is 3/5 of it.
    expect(await loadPersonalization(redis, user.id)).toEqual({
      categoryAffinity: { [`${catalog.root}/phones`]: 1, [`${catalog.root}/accessories`]: 0.6 },
      brandAffinity: { Apple: 1, Insignia: 0.6 },
    })
  })

  it('an unknown order records nothing', async () => {
    expect(await recordPurchaseAffinity(db, redis, crypto.randomUUID())).toBe(false)
  })
})
