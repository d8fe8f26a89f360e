import type { Generated, Insertable, Selectable } from 'kysely'

/** Why a payment and its order disagree. */
export type ReconciliationFindingKind =
  | 'gateway_succeeded_order_unpaid'
  | 'order_paid_gateway_not_succeeded'
  | 'gateway_unreachable'

/** Payments whose gateway state disagrees with their order, found by the reconciliation sweep. */
export interface PaymentReconciliationFindingTable {
  id: Generated<number>
  payment_id: string
  order_id: string
  kind: ReconciliationFindingKind
  /**
   * `signalled_checkout` = repaired by handing the result to the running checkout; `refunded` = a
   * charge that succeeded after its order was cancelled, refunded by the sweep; `flagged` = needs a person.
   */
  action: 'signalled_checkout' | 'flagged' | 'refunded'
  gateway_status: string | null
  order_status: string
  detail: string
  found_at: Generated<Date>
  resolved_at: Date | null
}

export type PaymentReconciliationFinding = Selectable<PaymentReconciliationFindingTable>
export type NewPaymentReconciliationFinding = Insertable<PaymentReconciliationFindingTable>
