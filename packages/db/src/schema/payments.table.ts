import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { PaymentStatus } from './enums'

/** Payment intents at a gateway. */
export interface PaymentTable {
  id: Generated<string>
  order_id: string
  gateway: string
  intent_id: string
  status: PaymentStatus
  amount_minor: number
  captured_minor: Generated<number>
  /** Refunded or reserved for a refund in flight; a CHECK keeps it within captured_minor. */
  refunded_minor: Generated<number>
  currency: string
  idempotency_key: string
  failure_code: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Payment = Selectable<PaymentTable>
export type NewPayment = Insertable<PaymentTable>
export type PaymentUpdate = Updateable<PaymentTable>
