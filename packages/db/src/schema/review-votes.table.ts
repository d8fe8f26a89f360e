import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Helpfulness votes on reviews. */
export interface ReviewVoteTable {
  review_id: string
  user_id: string
  helpful: boolean
  created_at: Generated<Date>
}

export type ReviewVote = Selectable<ReviewVoteTable>
export type NewReviewVote = Insertable<ReviewVoteTable>
export type ReviewVoteUpdate = Updateable<ReviewVoteTable>
