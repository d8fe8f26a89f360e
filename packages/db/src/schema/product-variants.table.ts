import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumnWithDefault } from './column-types'

/** Purchasable SKUs of a product. */
export interface ProductVariantTable {
  id: Generated<string>
  product_id: string
  sku: string
  title: string
  option_values: JsonColumnWithDefault<Record<string, string>>
  weight_grams: number | null
  position: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type ProductVariant = Selectable<ProductVariantTable>
export type NewProductVariant = Insertable<ProductVariantTable>
export type ProductVariantUpdate = Updateable<ProductVariantTable>
