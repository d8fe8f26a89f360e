import type { Generated, Insertable, Selectable } from 'kysely'

/** Impressions and clicks of served recommendation lists, with the algorithm that served them. */
export interface RecommendationEventTable {
  id: Generated<number>
  type: 'impression' | 'click'
  impression_id: string
  visitor_key: string
  user_id: string | null
  surface: 'product' | 'user' | 'popular'
  experiment: string
  variant: string
  algorithm: string
  product_id: string
  position: number
  created_at: Generated<Date>
}

export type RecommendationEvent = Selectable<RecommendationEventTable>
export type NewRecommendationEvent = Insertable<RecommendationEventTable>
