import type { Db } from '../client'
import type { OrderStatus } from '../schema'

/** What an operator searches an order's workflows by: its number, customer, sellers and status. */
export interface OrderSearchFacts {
  number: number
  userId: string
  status: OrderStatus
  sellerIds: string[]
  currency: string
  totalMinor: number
}

/** The search facts of one order, or undefined when it does not exist. */
export async function findOrderSearchFacts(
  db: Db,
  orderId: string,
): Promise<OrderSearchFacts | undefined> {
  const order = await db
    .selectFrom('orders')
    .select(['number', 'user_id', 'status', 'currency', 'total_minor'])
    .where('id', '=', orderId)
    .executeTakeFirst()
  if (!order) return undefined
  const sellers = await db
    .selectFrom('order_items')
    .select('seller_id')
    .distinct()
    .where('order_id', '=', orderId)
    .orderBy('seller_id')
    .execute()
  return {
    number: Number(order.number),
    userId: order.user_id,
    status: order.status,
    sellerIds: sellers.map((s) => s.seller_id),
    currency: order.currency,
    totalMinor: Number(order.total_minor),
  }
}
