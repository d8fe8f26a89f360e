import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Variant prices in integer minor units, one per currency. */
export interface PriceTable {
  id: Generated<number>
  variant_id: string
  currency: string
  amount_minor: number
  compare_at_minor: number | null
  updated_at: Generated<Date>
}

export type Price = Selectable<PriceTable>
export type NewPrice = Insertable<PriceTable>
export type PriceUpdate = Updateable<PriceTable>
