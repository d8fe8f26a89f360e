import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Option axes of a product (e.g. Color). */
export interface ProductOptionTable {
  id: Generated<number>
  product_id: string
  name: string
  position: Generated<number>
}

export type ProductOption = Selectable<ProductOptionTable>
export type NewProductOption = Insertable<ProductOptionTable>
export type ProductOptionUpdate = Updateable<ProductOptionTable>
