import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Buyer ratings of a seller for one order. */
export interface SellerRatingTable {
  id: Generated<number>
  order_id: string
  seller_id: string
  user_id: string
  shipping: number
  accuracy: number
  communication: number
  comment: string | null
  created_at: Generated<Date>
}

export type SellerRating = Selectable<SellerRatingTable>
export type NewSellerRating = Insertable<SellerRatingTable>
export type SellerRatingUpdate = Updateable<SellerRatingTable>
