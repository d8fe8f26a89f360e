import type { Db } from '@emporium/db'
import { insertTestStock, insertTestVariant, insertTestWarehouse } from '@emporium/db/testing'

/**
 * An active product with one variant, priced in minor units per currency (`{ USD: 1000 }`), with
 * stock spread over warehouses (`[3, 2]` = 3 units in one, 2 in another; `reserved` is held back
 * in the first one).
 */
export async function insertCartVariant(
  db: Db,
  options: { prices: Record<string, number>; stock?: number[]; reserved?: number },
) {
  const variant = await insertTestVariant(db)
  const prices = Object.entries(options.prices)
  if (prices.length > 0) {
    await db
      .insertInto('prices')
      .values(
        prices.map(([currency, amount]) => ({
          variant_id: variant.variantId,
          currency,
          amount_minor: amount,
        })),
      )
      .execute()
  }
  const warehouseIds: number[] = []
  for (const onHand of options.stock ?? [10]) {
    const warehouseId = await insertTestWarehouse(db)
    await insertTestStock(db, variant.variantId, warehouseId, onHand)
    warehouseIds.push(warehouseId)
  }
  const first = warehouseIds[0]
  if (options.reserved !== undefined && first !== undefined) {
    await db
      .updateTable('inventory_levels')
      .set({ reserved: options.reserved })
      .where('variant_id', '=', variant.variantId)
      .where('warehouse_id', '=', first)
      .execute()
  }
  const product = await db
    .selectFrom('products')
    .select('name')
    .where('id', '=', variant.productId)
    .executeTakeFirstOrThrow()
  return { ...variant, productName: product.name, warehouseIds }
}

/** Sets a variant's price in one currency. */
export async function setVariantPrice(
  db: Db,
  variantId: string,
  currency: string,
  amount: number,
): Promise<void> {
  await db
    .updateTable('prices')
    .set({ amount_minor: amount, updated_at: new Date() })
    .where('variant_id', '=', variantId)
    .where('currency', '=', currency)
    .execute()
}
