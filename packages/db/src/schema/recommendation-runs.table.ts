import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** One run of the daily recommendation job; `published` once its lists are the served ones. */
export interface RecommendationRunTable {
  id: string
  channel: string
  status: Generated<'running' | 'published'>
  lists: Generated<number>
  started_at: Generated<Date>
  published_at: Date | null
}

export type RecommendationRun = Selectable<RecommendationRunTable>
export type NewRecommendationRun = Insertable<RecommendationRunTable>
export type RecommendationRunUpdate = Updateable<RecommendationRunTable>
