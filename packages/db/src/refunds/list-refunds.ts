import type { Db } from '../client'

/** A refund as sellers and admins see it. */
export interface RefundView {
  id: string
  orderId: string
  amount: { amount: number; currency: string }
  status: 'pending' | 'succeeded' | 'failed'
  reason: string | null
  restock: boolean
  failureMessage: string | null
  items: { orderItemId: number; sku: string; quantity: number; amountMinor: number }[]
  createdAt: Date
}

/** The refunds of an order, oldest first; with `sellerId`, none unless the order holds that store's items. */
export async function listOrderRefunds(
  db: Db,
  orderId: string,
  sellerId?: string,
): Promise<RefundView[]> {
  if (sellerId) {
    const mine = await db
      .selectFrom('order_items')
      .select('id')
      .where('order_id', '=', orderId)
      .where('seller_id', '=', sellerId)
      .limit(1)
      .executeTakeFirst()
    if (!mine) return []
  }
  const refunds = await db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select([
      'r.id',
      'r.amount_minor',
      'r.currency',
      'r.status',
      'r.reason',
      'r.restock',
      'r.failure_message',
      'r.created_at',
    ])
    .where('p.order_id', '=', orderId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute()
  if (refunds.length === 0) return []
  const items = await db
    .selectFrom('refund_items as ri')
    .innerJoin('order_items as oi', 'oi.id', 'ri.order_item_id')
    .select(['ri.refund_id', 'ri.order_item_id', 'oi.sku', 'ri.quantity', 'ri.amount_minor'])
    .where(
      'ri.refund_id',
      'in',
      refunds.map((r) => r.id),
    )
    .orderBy('ri.order_item_id')
    .execute()
  return refunds.map((r) => ({
    id: r.id,
    orderId,
    amount: { amount: r.amount_minor, currency: r.currency },
    status: r.status,
    reason: r.reason,
    restock: r.restock,
    failureMessage: r.failure_message,
    items: items
      .filter((i) => i.refund_id === r.id)
      .map((i) => ({
        orderItemId: i.order_item_id,
        sku: i.sku,
        quantity: i.quantity,
        amountMinor: i.amount_minor,
      })),
    createdAt: r.created_at,
  }))
}
