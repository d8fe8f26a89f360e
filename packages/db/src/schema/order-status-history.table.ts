import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { OrderStatus } from './enums'

/** Every order status transition. */
export interface OrderStatusHistoryTable {
  id: Generated<number>
  order_id: string
  from_status: OrderStatus | null
  to_status: OrderStatus
  actor: string
  note: string | null
  created_at: Generated<Date>
}

export type OrderStatusHistory = Selectable<OrderStatusHistoryTable>
export type NewOrderStatusHistory = Insertable<OrderStatusHistoryTable>
export type OrderStatusHistoryUpdate = Updateable<OrderStatusHistoryTable>
