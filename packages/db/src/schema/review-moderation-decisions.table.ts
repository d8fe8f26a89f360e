import type { Generated, Insertable, Selectable } from 'kysely'
import type { JsonColumn } from './column-types'
import type { ReviewStatus } from './enums'
import type { StoredSpamReason } from './reviews.table'

/** Every status decision on a review: automatic (`decided_by` null, spam reasons) or an administrator's. */
export interface ReviewModerationDecisionTable {
  id: Generated<number>
  review_id: string
  status: ReviewStatus
  decided_by: string | null
  spam_score: number | null
  reasons: JsonColumn<StoredSpamReason[]>
  created_at: Generated<Date>
}

export type ReviewModerationDecision = Selectable<ReviewModerationDecisionTable>
export type NewReviewModerationDecision = Insertable<ReviewModerationDecisionTable>
