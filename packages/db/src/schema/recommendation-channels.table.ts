import type { Generated, Insertable, Selectable } from 'kysely'

/** Which run's lists a channel serves (the shop's channel is `live`). */
export interface RecommendationChannelTable {
  channel: string
  current_run_id: string
  previous_run_id: string | null
  updated_at: Generated<Date>
}

export type RecommendationChannel = Selectable<RecommendationChannelTable>
export type NewRecommendationChannel = Insertable<RecommendationChannelTable>
