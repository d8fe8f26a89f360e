import type { Generated, Insertable, Selectable } from 'kysely'
import type { JsonColumn } from './column-types'

/**
 * `accepted` = screened and let through; a held order is `pending` until an administrator approves
 * or rejects it, the review timeout expires it, or the shopper's cancel ends it (`cancelled`).
 */
export type RiskReviewStatus =
  | 'accepted'
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'cancelled'

/** A fired fraud rule as stored: code, points and the reviewer's sentence. */
export interface StoredRiskReason {
  code: string
  points: number
  message: string
}

/** Fraud screenings of orders, one per order, with the administrator's decision on held ones. */
export interface OrderRiskReviewTable {
  id: Generated<string>
  order_id: string
  user_id: string
  checkout_workflow_id: string
  score: number
  reasons: JsonColumn<StoredRiskReason[]>
  status: RiskReviewStatus
  client_ip: string | null
  /** A digest of the payment method, so card velocity is counted without keeping the token. */
  card_fingerprint: string | null
  decided_by: string | null
  decision_note: string | null
  decided_at: Date | null
  created_at: Generated<Date>
}

export type OrderRiskReview = Selectable<OrderRiskReviewTable>
export type NewOrderRiskReview = Insertable<OrderRiskReviewTable>
