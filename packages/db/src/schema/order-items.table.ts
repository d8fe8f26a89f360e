import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Order lines, denormalized so they survive catalog changes. */
export interface OrderItemTable {
  id: Generated<number>
  order_id: string
  seller_id: string
  variant_id: string | null
  product_id: string | null
  product_name: string
  sku: string
  unit_price_minor: number
  quantity: number
  tax_minor: Generated<number>
  discount_minor: Generated<number>
  refunded_quantity: Generated<number>
}

export type OrderItem = Selectable<OrderItemTable>
export type NewOrderItem = Insertable<OrderItemTable>
export type OrderItemUpdate = Updateable<OrderItemTable>
