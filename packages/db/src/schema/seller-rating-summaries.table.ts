import type { Generated, Selectable } from 'kysely'

/** A seller's rating aggregates, recomputed from `seller_ratings` by the outbox handler. */
export interface SellerRatingSummaryTable {
  seller_id: string
  rating_count: number
  shipping_average: number | null
  accuracy_average: number | null
  communication_average: number | null
  overall_average: number | null
  updated_at: Generated<Date>
}

export type SellerRatingSummary = Selectable<SellerRatingSummaryTable>
