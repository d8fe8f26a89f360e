import type { Generated, Insertable, Selectable } from 'kysely'

/** Abuse reports on reviews, one per user and review. */
export interface ReviewReportTable {
  review_id: string
  user_id: string
  reason: string
  created_at: Generated<Date>
}

export type ReviewReport = Selectable<ReviewReportTable>
export type NewReviewReport = Insertable<ReviewReportTable>
