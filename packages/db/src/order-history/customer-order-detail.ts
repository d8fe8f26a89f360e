import type { Db } from '../client'
import type { PiiKeyRing } from '../pii/envelope-cipher'
import { openShippingAddress } from '../pii/sealed-shipping-address'
import { loadShipments, type ShipmentWithEvents } from '../fulfillment/shipment-reads'
import type {
  FulfillmentStatus,
  Order,
  OrderItem,
  OrderStatusHistory,
  Payment,
  RiskReviewStatus,
} from '../schema'

/** Everything a shopper may see of one of their orders. */
export interface CustomerOrderDetail {
  /** The order with its shipping snapshot in plaintext. */
  order: Order
  items: (OrderItem & { store_name: string })[]
  history: OrderStatusHistory[]
  /** The latest payment attempt with what was refunded of it (pending or succeeded refunds). */
  payment: (Payment & { refunds_minor: number }) | null
  /** The fraud review of an order that was held for one (a screening let through is left out). */
  review: {
    status: Exclude<RiskReviewStatus, 'accepted'>
    created_at: Date
    decided_at: Date | null
  } | null
  fulfillments: {
    id: string
    store_name: string
    status: FulfillmentStatus
    shipments: ShipmentWithEvents[]
  }[]
}

/** One order of `userId` in full; undefined when it does not exist or belongs to someone else. */
export async function findCustomerOrder(
  db: Db,
  pii: PiiKeyRing,
  userId: string,
  orderId: string,
): Promise<CustomerOrderDetail | undefined> {
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!order) return undefined
  const [items, history, payment, fulfillments, review] = await Promise.all([
    db
      .selectFrom('order_items as i')
      .innerJoin('sellers as s', 's.id', 'i.seller_id')
      .selectAll('i')
      .select('s.store_name')
      .where('i.order_id', '=', orderId)
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('order_status_history')
      .selectAll()
      .where('order_id', '=', orderId)
      // Insertion order: created_at is the transaction's start, and a step that waited on the
      // order's row lock started before the step it waited for.
      .orderBy('id')
      .execute(),
    db
      .selectFrom('payments as p')
      .selectAll('p')
      .select((eb) =>
        eb
          .selectFrom('refunds as r')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('r.amount_minor'), e.lit(0)).as('n'))
          .whereRef('r.payment_id', '=', 'p.id')
          .where('r.status', '<>', 'failed')
          .as('refunds_minor'),
      )
      .where('p.order_id', '=', orderId)
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('fulfillments as f')
      .innerJoin('sellers as s', 's.id', 'f.seller_id')
      .select(['f.id', 'f.status', 's.store_name'])
      .where('f.order_id', '=', orderId)
      .orderBy('f.created_at')
      .orderBy('f.id')
      .execute(),
    db
      .selectFrom('order_risk_reviews')
      .select(['status', 'created_at', 'decided_at'])
      .where('order_id', '=', orderId)
      .where('status', '<>', 'accepted')
      .$narrowType<{ status: Exclude<RiskReviewStatus, 'accepted'> }>()
      .executeTakeFirst(),
  ])
  const shipments = await loadShipments(
    db,
    fulfillments.map((f) => f.id),
  )
  return {
    order: { ...order, shipping_address: openShippingAddress(pii, order) },
    items,
    history,
    payment: payment ? { ...payment, refunds_minor: Number(payment.refunds_minor ?? 0) } : null,
    review: review ?? null,
    fulfillments: fulfillments.map((f) => ({
      ...f,
      shipments: shipments.filter((s) => s.fulfillment_id === f.id),
    })),
  }
}
