import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Tax rate per region in basis points. */
export interface TaxRateTable {
  id: Generated<number>
  region: string
  name: string
  rate_bps: number
  updated_at: Generated<Date>
}

export type TaxRate = Selectable<TaxRateTable>
export type NewTaxRate = Insertable<TaxRateTable>
export type TaxRateUpdate = Updateable<TaxRateTable>
