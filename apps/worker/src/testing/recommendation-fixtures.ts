import { randomUUID } from 'node:crypto'
import type { Db } from '@emporium/db'
import {
  insertTestOrder,
  insertTestStock,
  insertTestUser,
  insertTestVariant,
  insertTestWarehouse,
} from '@emporium/db/testing'

/** An active product priced in USD with stock, named with `label` so it is easy to find in a list. */
export async function insertRecommendableProduct(db: Db, label: string, priceMinor = 1_000) {
  const variant = await insertTestVariant(db)
  await db
    .updateTable('products')
    .set({ name: `${label} ${randomUUID()}`, brand: 'Fixture Co' })
    .where('id', '=', variant.productId)
    .execute()
  await db
    .insertInto('prices')
    .values({ variant_id: variant.variantId, currency: 'USD', amount_minor: priceMinor })
    .execute()
  await insertTestStock(db, variant.variantId, await insertTestWarehouse(db), 10)
  return variant
}

/** A paid order of a new customer (or `userId`) holding one line per product; returns the user id. */
export async function insertPaidOrder(
  db: Db,
  lines: readonly { productId: string; variantId: string; sellerId: string; sku: string }[],
  userId?: string,
): Promise<string> {
  const customer = userId ?? (await insertTestUser(db)).id
  const order = await insertTestOrder(db, customer, { status: 'paid', paid_at: new Date() })
  await db
    .insertInto('order_items')
    .values(
      lines.map((line) => ({
        order_id: order.id,
        seller_id: line.sellerId,
        variant_id: line.variantId,
        product_id: line.productId,
        product_name: 'Fixture line',
        sku: line.sku,
        unit_price_minor: 1_000,
        quantity: 1,
      })),
    )
    .execute()
  return customer
}
