import { sql, type ExpressionBuilder } from 'kysely'
import type { Database, OrderItemTable, OrderTable } from '../schema'

type OrderLines = Database & { o: OrderTable; oi: OrderItemTable }

/**
 * Whether the order line `oi` has reached its buyer: its seller's part of order `o` (its fulfilment)
 * was delivered, or the whole order was. Other sellers' parts still on their way, or a refund after
 * delivery (which moves the order to `partially_refunded`), do not undo a delivery.
 */
export function lineWasDelivered(eb: ExpressionBuilder<OrderLines, 'o' | 'oi'>) {
  return eb.or([
    eb('o.status', '=', 'delivered'),
    eb.exists(
      eb
        .selectFrom('fulfillments as f')
        .select(sql.lit(1).as('one'))
        .whereRef('f.order_id', '=', 'o.id')
        .whereRef('f.seller_id', '=', 'oi.seller_id')
        .where('f.status', '=', 'delivered'),
    ),
  ])
}
