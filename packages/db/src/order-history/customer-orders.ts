import { sql } from 'kysely'
import type { Db } from '../client'
import type { Order, OrderStatus } from '../schema'

/** One order in a shopper's list, with the exact creation time as text for the page cursor. */
export type CustomerOrderRow = Pick<
  Order,
  'id' | 'number' | 'status' | 'currency' | 'total_minor' | 'placed_at' | 'created_at'
> & { cursor_created_at: string; item_count: number; preview_names: string[] }

/** A shopper's own orders (all statuses, or one), newest first, after the keyset cursor. */
export async function listCustomerOrders(
  db: Db,
  userId: string,
  options: {
    status?: OrderStatus | undefined
    after?: { createdAt: string; id: string } | undefined
    limit: number
  },
): Promise<CustomerOrderRow[]> {
  let query = db
    .selectFrom('orders as o')
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.currency',
      'o.total_minor',
      'o.placed_at',
      'o.created_at',
      sql<string>`o.created_at::text`.as('cursor_created_at'),
      (eb) =>
        eb
          .selectFrom('order_items as i')
          .select(sql<number>`coalesce(sum(i.quantity), 0)::int8`.as('n'))
          .whereRef('i.order_id', '=', 'o.id')
          .as('item_count'),
      sql<
        string[]
      >`array(select i.product_name from order_items i where i.order_id = o.id order by i.id limit 3)`.as(
        'preview_names',
      ),
    ])
    .where('o.user_id', '=', userId)
  if (options.status) query = query.where('o.status', '=', options.status)
  if (options.after) {
    const { createdAt, id } = options.after
    query = query.where(
      sql<boolean>`(o.created_at, o.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
    )
  }
  const rows = await query
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(options.limit)
    .execute()
  return rows.map((r) => ({ ...r, item_count: r.item_count ?? 0 }))
}
