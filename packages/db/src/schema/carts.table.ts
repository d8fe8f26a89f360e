import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumnWithDefault } from './column-types'

/** Shopping carts (guest carts have no user). */
export interface CartTable {
  id: Generated<string>
  user_id: string | null
  currency: string
  snapshot: JsonColumnWithDefault<Record<string, unknown>>
  exchange_rate: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Cart = Selectable<CartTable>
export type NewCart = Insertable<CartTable>
export type CartUpdate = Updateable<CartTable>
