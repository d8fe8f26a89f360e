import type { Insertable, Selectable } from 'kysely'

/** Order lines a refund gives back, and where their units were restocked (if they were). */
export interface RefundItemTable {
  refund_id: string
  order_item_id: number
  quantity: number
  amount_minor: number
  restocked_warehouse_id: number | null
}

export type RefundItem = Selectable<RefundItemTable>
export type NewRefundItem = Insertable<RefundItemTable>
