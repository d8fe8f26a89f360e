import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { RefundStatus } from './enums'

/** Refunds; a trigger keeps their sum within the captured amount. */
export interface RefundTable {
  id: Generated<string>
  payment_id: string
  amount_minor: number
  currency: string
  status: Generated<RefundStatus>
  reason: string | null
  gateway_refund_id: string | null
  idempotency_key: string
  order_id: string | null
  /** Whether refunded items go back on the shelf. */
  restock: Generated<boolean>
  requested_by: string | null
  failure_message: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Refund = Selectable<RefundTable>
export type NewRefund = Insertable<RefundTable>
export type RefundUpdate = Updateable<RefundTable>
