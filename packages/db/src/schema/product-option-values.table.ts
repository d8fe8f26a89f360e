import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Values of a product option. */
export interface ProductOptionValueTable {
  id: Generated<number>
  option_id: number
  value: string
  position: Generated<number>
}

export type ProductOptionValue = Selectable<ProductOptionValueTable>
export type NewProductOptionValue = Insertable<ProductOptionValueTable>
export type ProductOptionValueUpdate = Updateable<ProductOptionValueTable>
