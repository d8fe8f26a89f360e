import { randomUUID } from 'node:crypto'
import type { Db } from '../client'
import { insertTestStock, insertTestWarehouse } from '../inventory/test-fixtures'
import { insertTestOrder, insertTestUser, insertTestVariant } from '../testing/fixtures'

export interface PaidTestOrder {
  userId: string
  orderId: string
  orderNumber: number
  sellerId: string
  variantId: string
  warehouseId: number
  /** Two lines of the same variant: 2 × 2,500 and 1 × 5,000 (USD minor units), 10,000 in total. */
  itemIds: [number, number]
  paymentId: string
  intentId: string
}

/**
 * A paid USD order of 10,000 with a captured payment of the whole amount, its variant stocked
 * (`onHand` units) in a fresh warehouse. `intentId` may name a real gateway payment.
 */
export async function insertPaidTestOrder(
  db: Db,
  options: {
    intentId?: string
    gateway?: string
    onHand?: number
    status?: 'paid' | 'delivered'
  } = {},
): Promise<PaidTestOrder> {
  const user = await insertTestUser(db)
  const variant = await insertTestVariant(db)
  const warehouseId = await insertTestWarehouse(db, 'US')
  await insertTestStock(db, variant.variantId, warehouseId, options.onHand ?? 10)
  const order = await insertTestOrder(db, user.id, {
    status: options.status ?? 'paid',
    paid_at: new Date(),
    checkout_workflow_id: `checkout:${randomUUID()}`,
  })
  const line = (unit: number, quantity: number) => ({
    order_id: order.id,
    seller_id: variant.sellerId,
    variant_id: variant.variantId,
    product_id: variant.productId,
    product_name: 'Test product',
    sku: variant.sku,
    unit_price_minor: unit,
    quantity,
  })
  const items = await db
    .insertInto('order_items')
    .values([line(2_500, 2), line(5_000, 1)])
    .returning('id')
    .execute()
  const intentId = options.intentId ?? `tpi_${randomUUID()}`
  const payment = await db
    .insertInto('payments')
    .values({
      order_id: order.id,
      gateway: options.gateway ?? 'test',
      intent_id: intentId,
      status: 'captured',
      amount_minor: 10_000,
      captured_minor: 10_000,
      currency: 'USD',
      idempotency_key: `pay-${randomUUID()}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    userId: user.id,
    orderId: order.id,
    orderNumber: order.number,
    sellerId: variant.sellerId,
    variantId: variant.variantId,
    warehouseId,
    itemIds: [items[0]!.id, items[1]!.id],
    paymentId: payment.id,
    intentId,
  }
}
