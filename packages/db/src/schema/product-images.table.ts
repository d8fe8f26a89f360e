import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Product images in object storage (or absolute URLs for imported data). */
export interface ProductImageTable {
  id: Generated<number>
  product_id: string
  variant_id: string | null
  storage_key: string
  content_type: string
  width: number | null
  height: number | null
  alt_text: string | null
  position: Generated<number>
  created_at: Generated<Date>
}

export type ProductImage = Selectable<ProductImageTable>
export type NewProductImage = Insertable<ProductImageTable>
export type ProductImageUpdate = Updateable<ProductImageTable>
