import { randomUUID } from 'node:crypto'
import { sealShippingAddress, type Db, type OrderStatus } from '@emporium/db'
import { insertTestOrder } from '@emporium/db/testing'
import { piiKeyRingOf } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'

/** One line of a test order, sold by `sellerId`. */
export interface TestLine {
  sellerId: string
  productName: string
  sku?: string
  unitPriceMinor: number
  quantity: number
  discountMinor?: number
  taxMinor?: number
  refundedQuantity?: number
}

/**
 * An order as checkout leaves it once paid: its lines, one fulfillment per seller and the
 * pending → paid history (plus a captured payment); `status` overrides where it ended up.
 */
export async function insertPaidOrder(
  db: Db,
  userId: string,
  lines: readonly TestLine[],
  options: {
    status?: OrderStatus
    currency?: string
    paidAt?: Date
    shippingMinor?: number
    address?: Record<string, string>
  } = {},
) {
  const currency = options.currency ?? 'USD'
  const paidAt = options.paidAt ?? new Date()
  const placedAt = new Date(paidAt.getTime() - 60_000)
  const subtotal = lines.reduce((n, l) => n + l.unitPriceMinor * l.quantity, 0)
  const discount = lines.reduce((n, l) => n + (l.discountMinor ?? 0), 0)
  const tax = lines.reduce((n, l) => n + (l.taxMinor ?? 0), 0)
  const shipping = options.shippingMinor ?? 0
  const total = subtotal - discount + tax + shipping
  const status = options.status ?? 'paid'
  const order = await insertTestOrder(db, userId, {
    currency,
    status,
    subtotal_minor: subtotal,
    discount_minor: discount,
    tax_minor: tax,
    shipping_minor: shipping,
    total_minor: total,
    placed_at: placedAt,
    paid_at: status === 'pending' ? null : paidAt,
  })
  // The address is sealed as checkout seals it, with the keys of the test API.
  if (options.address)
    await db
      .updateTable('orders')
      .set(sealShippingAddress(piiKeyRingOf(testConfig()), order.id, options.address))
      .where('id', '=', order.id)
      .execute()
  const items = await db
    .insertInto('order_items')
    .values(
      lines.map((l) => ({
        order_id: order.id,
        seller_id: l.sellerId,
        product_name: l.productName,
        sku: l.sku ?? `SKU-${randomUUID().slice(0, 8)}`,
        unit_price_minor: l.unitPriceMinor,
        quantity: l.quantity,
        discount_minor: l.discountMinor ?? 0,
        tax_minor: l.taxMinor ?? 0,
        refunded_quantity: l.refundedQuantity ?? 0,
      })),
    )
    .returningAll()
    .execute()
  const sellers = [...new Set(lines.map((l) => l.sellerId))]
  const fulfillments =
    status === 'pending'
      ? []
      : await db
          .insertInto('fulfillments')
          .values(sellers.map((sellerId) => ({ order_id: order.id, seller_id: sellerId })))
          .returningAll()
          .execute()
  await db
    .insertInto('order_status_history')
    .values([
      {
        order_id: order.id,
        from_status: null,
        to_status: 'pending',
        actor: 'checkout',
        created_at: placedAt,
      },
      ...(status === 'pending'
        ? []
        : [
            {
              order_id: order.id,
              from_status: 'pending' as const,
              to_status: 'paid' as const,
              actor: 'checkout',
              created_at: paidAt,
            },
          ]),
    ])
    .execute()
  if (status !== 'pending') {
    await db
      .insertInto('payments')
      .values({
        order_id: order.id,
        gateway: 'test',
        intent_id: `pi_${randomUUID()}`,
        status: 'captured',
        amount_minor: total,
        captured_minor: total,
        currency,
        idempotency_key: `pay-${order.id}`,
        created_at: paidAt,
      })
      .execute()
  }
  const fulfillmentOf = (sellerId: string) => {
    const f = fulfillments.find((x) => x.seller_id === sellerId)
    if (!f) throw new Error(`no fulfillment for seller ${sellerId}`)
    return f.id
  }
  return { order, items, fulfillments, fulfillmentOf }
}
