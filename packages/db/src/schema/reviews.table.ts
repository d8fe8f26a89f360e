import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumnWithDefault } from './column-types'
import type { ReviewStatus } from './enums'

/** Product reviews, one per user and product. */
export interface ReviewTable {
  id: Generated<string>
  product_id: string
  user_id: string
  rating: number
  title: string
  body: string
  status: Generated<ReviewStatus>
  spam_score: number | null
  spam_reasons: JsonColumnWithDefault<string[]>
  verified_purchase: Generated<boolean>
  helpful_count: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Review = Selectable<ReviewTable>
export type NewReview = Insertable<ReviewTable>
export type ReviewUpdate = Updateable<ReviewTable>
