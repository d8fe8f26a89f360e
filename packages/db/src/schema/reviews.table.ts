import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumnWithDefault } from './column-types'
import type { ReviewStatus } from './enums'

/** One spam signal that fired on a review (the domain's SpamReason, as stored). */
export interface StoredSpamReason {
  signal: string
  weight: number
  detail: string
}

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
  spam_reasons: JsonColumnWithDefault<StoredSpamReason[]>
  verified_purchase: Generated<boolean>
  helpful_count: Generated<number>
  /** Object-store keys of the review's photos (large variant), in display order. */
  photo_keys: JsonColumnWithDefault<string[]>
  seller_reply: string | null
  seller_replied_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Review = Selectable<ReviewTable>
export type NewReview = Insertable<ReviewTable>
export type ReviewUpdate = Updateable<ReviewTable>
