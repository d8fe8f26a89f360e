import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumn } from './column-types'
import type { OrderStatus } from './enums'

/** Orders; amounts in integer minor units of `currency`. */
export interface OrderTable {
  id: Generated<string>
  number: Generated<number>
  user_id: string
  cart_id: string | null
  status: Generated<OrderStatus>
  currency: string
  subtotal_minor: number
  discount_minor: Generated<number>
  tax_minor: Generated<number>
  shipping_minor: Generated<number>
  total_minor: number
  idempotency_key: string
  checkout_workflow_id: string | null
  /** Currency the cart's locked exchange rate converts from (null when none was needed). */
  exchange_rate_base: string | null
  /** That rate as an exact decimal string: one major unit of the base is worth this much of `currency`. */
  exchange_rate: string | null
  /** Country and region of the shipping snapshot (all of it on a row from before encryption). */
  shipping_address: JsonColumn<Record<string, unknown>>
  /** The whole shipping snapshot, sealed (read it through `openShippingAddress`). */
  shipping_address_sealed: string | null
  /** Key the sealed snapshot uses; null = a row from before encryption (plaintext jsonb). */
  pii_key_id: string | null
  cancel_reason: string | null
  placed_at: Generated<Date>
  paid_at: Date | null
  cancelled_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Order = Selectable<OrderTable>
export type NewOrder = Insertable<OrderTable>
export type OrderUpdate = Updateable<OrderTable>
