import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Exchange rates: one major unit of `base` is worth `rate` (exact decimal string) of `quote`. */
export interface ExchangeRateTable {
  base: string
  quote: string
  rate: string
  updated_at: Generated<Date>
}

export type ExchangeRateRow = Selectable<ExchangeRateTable>
export type NewExchangeRate = Insertable<ExchangeRateTable>
export type ExchangeRateUpdate = Updateable<ExchangeRateTable>
