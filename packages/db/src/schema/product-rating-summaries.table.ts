import type { Generated, Selectable } from 'kysely'

/** A product's rating aggregates, recomputed from its published reviews by the outbox handler. */
export interface ProductRatingSummaryTable {
  product_id: string
  review_count: number
  stars_1: number
  stars_2: number
  stars_3: number
  stars_4: number
  stars_5: number
  average: number | null
  bayesian_average: number
  wilson_score: number
  updated_at: Generated<Date>
}

export type ProductRatingSummary = Selectable<ProductRatingSummaryTable>
