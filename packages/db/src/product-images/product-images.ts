import { sql } from 'kysely'
import type { Db } from '../client'
import type { ProductImage } from '../schema'

/** True when the product exists and belongs to the seller (anything else looks the same: not found). */
export async function isSellerProduct(
  db: Db,
  sellerId: string,
  productId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .where('seller_id', '=', sellerId)
    .executeTakeFirst()
  return row !== undefined
}

/** Adds an image after the product's existing ones; pass the transaction that records its event. */
export function insertProductImage(
  db: Db,
  image: {
    productId: string
    storageKey: string
    contentType: string
    width: number
    height: number
    altText: string | null
  },
): Promise<ProductImage> {
  return db
    .insertInto('product_images')
    .values({
      product_id: image.productId,
      storage_key: image.storageKey,
      content_type: image.contentType,
      width: image.width,
      height: image.height,
      alt_text: image.altText,
      position: sql<number>`(select coalesce(max(position) + 1, 0) from product_images where product_id = ${image.productId})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Deletes an image of one of the seller's products; undefined when there is no such image of theirs. */
export function deleteSellerProductImage(
  db: Db,
  sellerId: string,
  imageId: number,
): Promise<ProductImage | undefined> {
  return db
    .deleteFrom('product_images')
    .where('id', '=', imageId)
    .where('product_id', 'in', (eb) =>
      eb.selectFrom('products').select('products.id').where('products.seller_id', '=', sellerId),
    )
    .returningAll()
    .executeTakeFirst()
}
