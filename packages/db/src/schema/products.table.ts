import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { JsonColumnWithDefault } from './column-types'
import type { ProductStatus } from './enums'

/** Catalog products. */
export interface ProductTable {
  id: Generated<string>
  seller_id: string
  category_id: number | null
  name: string
  slug: string
  description: Generated<string>
  brand: string | null
  attributes: JsonColumnWithDefault<Record<string, unknown>>
  tags: Generated<string[]>
  status: Generated<ProductStatus>
  rating_avg: string | null
  rating_count: Generated<number>
  popularity: Generated<number>
  search_vector: ColumnType<string, never, never>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Product = Selectable<ProductTable>
export type NewProduct = Insertable<ProductTable>
export type ProductUpdate = Updateable<ProductTable>
