import type { Generated, Insertable, Selectable } from 'kysely'

/** Product page views of signed-in shoppers (view history for recommendations). */
export interface ProductViewTable {
  id: Generated<number>
  user_id: string
  product_id: string
  viewed_at: Generated<Date>
}

export type ProductViewRow = Selectable<ProductViewTable>
export type NewProductView = Insertable<ProductViewTable>
