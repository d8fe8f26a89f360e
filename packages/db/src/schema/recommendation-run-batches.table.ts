import type { Generated, Insertable, Selectable } from 'kysely'
import type { JsonColumn } from './column-types'

/** One batch of history a run has read; `processed_count` counts how often it was read. */
export interface RecommendationRunBatchTable {
  run_id: string
  source: 'purchase' | 'view'
  seq: number
  cursor_after: string
  interactions: JsonColumn<unknown[]>
  processed_count: Generated<number>
}

export type RecommendationRunBatch = Selectable<RecommendationRunBatchTable>
export type NewRecommendationRunBatch = Insertable<RecommendationRunBatchTable>
