import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumn } from './column-types'

/** Precomputed recommendation lists. */
export interface RecommendationTable {
  id: Generated<number>
  kind: string
  subject_id: string
  algorithm: string
  items: JsonColumn<unknown[]>
  run_id: string
  computed_at: Generated<Date>
}

export type Recommendation = Selectable<RecommendationTable>
export type NewRecommendation = Insertable<RecommendationTable>
export type RecommendationUpdate = Updateable<RecommendationTable>
