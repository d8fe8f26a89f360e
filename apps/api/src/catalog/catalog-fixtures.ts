import { randomUUID } from 'node:crypto'
import type { Db } from '@emporium/db'
import { insertTestUser } from '@emporium/db/testing'

/** A fresh root category (random slug) with one child, so tests never share listings. */
export async function insertTestCategories(db: Db) {
  const slug = `t-${randomUUID()}`
  const root = await db
    .insertInto('categories')
    .values({ slug, path: slug, name: 'Test root', depth: 0, parent_id: null })
    .returningAll()
    .executeTakeFirstOrThrow()
  const child = await db
    .insertInto('categories')
    .values({ slug: 'child', path: `${slug}/child`, name: 'Child', depth: 1, parent_id: root.id })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { root, child }
}

/** An approved store. */
export async function insertTestStore(db: Db) {
  const owner = await insertTestUser(db, 'seller')
  const key = randomUUID()
  return db
    .insertInto('sellers')
    .values({
      user_id: owner.id,
      store_name: `Store ${key.slice(0, 8)}`,
      slug: `store-${key}`,
      contact_email: owner.email,
      payout_currency: 'USD',
      status: 'approved',
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A product with one USD-priced variant per entry of `stock` (units on hand per warehouse). */
export async function insertTestProduct(
  db: Db,
  options: {
    sellerId: string
    categoryId: number
    name?: string
    status?: 'draft' | 'active' | 'archived'
    priceMinor?: number
    stock?: { onHand: number; reserved?: number }[][]
    warehouseIds?: number[]
  },
) {
  const key = randomUUID()
  const product = await db
    .insertInto('products')
    .values({
      seller_id: options.sellerId,
      category_id: options.categoryId,
      name: options.name ?? `Product ${key.slice(0, 8)}`,
      slug: `product-${key}`,
      brand: 'Testbrand',
      status: options.status ?? 'active',
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const stock = options.stock ?? [[]]
  for (const [i, levels] of stock.entries()) {
    const variant = await db
      .insertInto('product_variants')
      .values({ product_id: product.id, sku: `T-${key}-${i}`, title: `Variant ${i}`, position: i })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('prices')
      .values({ variant_id: variant.id, currency: 'USD', amount_minor: options.priceMinor ?? 1000 })
      .execute()
    for (const [w, level] of levels.entries()) {
      const warehouseId = options.warehouseIds?.[w]
      if (warehouseId === undefined) throw new Error('Pass warehouseIds for stock levels')
      await db
        .insertInto('inventory_levels')
        .values({
          variant_id: variant.id,
          warehouse_id: warehouseId,
          on_hand: level.onHand,
          reserved: level.reserved ?? 0,
        })
        .execute()
    }
  }
  return product
}

/** Two warehouses with random codes. */
export async function insertTestWarehouses(db: Db): Promise<number[]> {
  const rows = await db
    .insertInto('warehouses')
    .values(
      [0, 1].map((i) => ({
        code: `T-${randomUUID()}`,
        name: `Test warehouse ${i}`,
        region: 'test',
        country: 'US',
      })),
    )
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}
