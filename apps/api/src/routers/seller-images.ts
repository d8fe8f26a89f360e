import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  deleteSellerProductImage,
  insertProductImage,
  isSellerProduct,
  recordOutboxEvent,
  type ProductImage,
} from '@emporium/db'
import {
  DeleteProductImageInput,
  IMAGE_VARIANT_SIZES,
  ProductImageView,
  UploadProductImageInput,
  type ImageVariantName,
} from '@emporium/domain/media'
import { isValidObjectKey, type ObjectStorage } from '@emporium/infra'
import { ImageRejectedError, renderImageVariants } from '../media/image-variants'
import { mediaStorage } from '../media/media-storage'
import { router, sellerProcedure } from '../trpc'
import { invalidateProducts } from '../seller-catalog/invalidate-caches'

const VARIANTS = Object.keys(IMAGE_VARIANT_SIZES) as ImageVariantName[]
/** Each upload gets its own folder; the row keeps the large variant's key, the others sit beside it. */
const variantKey = (folder: string, name: ImageVariantName) => `${folder}/${name}.webp`
const folderOf = (storageKey: string) => storageKey.slice(0, storageKey.lastIndexOf('/'))

function toView(
  storage: ObjectStorage,
  image: ProductImage,
  sizes: Record<ImageVariantName, { width: number; height: number }>,
): ProductImageView {
  const folder = folderOf(image.storage_key)
  const variant = (name: ImageVariantName) => ({
    url: storage.url(variantKey(folder, name)),
    ...sizes[name],
    contentType: image.content_type,
  })
  return {
    id: image.id,
    productId: image.product_id,
    altText: image.alt_text,
    position: image.position,
    variants: { thumb: variant('thumb'), medium: variant('medium'), large: variant('large') },
  }
}

const notFound = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'No such product in your store.' })

export const sellerImagesRouter = router({
  /** Stores an image of one of the seller's products in three sizes and records `product.image_added`. */
  uploadProductImage: sellerProcedure
    .input(UploadProductImageInput)
    .output(ProductImageView)
    .mutation(async ({ ctx, input }) => {
      if (!(await isSellerProduct(ctx.db, ctx.seller.id, input.productId))) throw notFound()
      let variants
      try {
        variants = await renderImageVariants(Buffer.from(input.data, 'base64'))
      } catch (error) {
        if (error instanceof ImageRejectedError)
          throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error })
        throw error
      }
      const storage = mediaStorage(ctx.config)
      const folder = `products/${input.productId}/${randomUUID()}`
      const keys = variants.map((v) => variantKey(folder, v.name))
      await Promise.all(
        variants.map((v) => storage.put(variantKey(folder, v.name), v.bytes, v.contentType)),
      )
      const large = variants.find((v) => v.name === 'large')
      if (!large) throw new Error('the large image variant was not rendered')
      try {
        const image = await ctx.db.transaction().execute(async (trx) => {
          const row = await insertProductImage(trx, {
            productId: input.productId,
            storageKey: variantKey(folder, 'large'),
            contentType: large.contentType,
            width: large.width,
            height: large.height,
            altText: input.altText || null,
          })
          await recordOutboxEvent(trx, {
            aggregateType: 'product',
            aggregateId: input.productId,
            eventType: 'product.image_added',
            payload: { imageId: row.id, storageKey: row.storage_key },
          })
          return row
        })
        await invalidateProducts(ctx, [input.productId])
        const sizes = Object.fromEntries(
          variants.map((v) => [v.name, { width: v.width, height: v.height }]),
        )
        return toView(
          storage,
          image,
          sizes as Record<ImageVariantName, { width: number; height: number }>,
        )
      } catch (error) {
        // Nothing refers to the stored files: remove them, then report the original failure.
        await Promise.allSettled(keys.map((key) => storage.delete(key)))
        throw error
      }
    }),

  /** Deletes an image of one of the seller's products (all sizes) and records `product.image_removed`. */
  deleteProductImage: sellerProcedure
    .input(DeleteProductImageInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const image = await ctx.db.transaction().execute(async (trx) => {
        const row = await deleteSellerProductImage(trx, ctx.seller.id, input.imageId)
        if (!row)
          throw new TRPCError({ code: 'NOT_FOUND', message: 'No such image in your store.' })
        await recordOutboxEvent(trx, {
          aggregateType: 'product',
          aggregateId: row.product_id,
          eventType: 'product.image_removed',
          payload: { imageId: row.id, storageKey: row.storage_key },
        })
        return row
      })
      await invalidateProducts(ctx, [image.product_id])
      // Imported catalog images are absolute URLs, not files of ours.
      if (!isValidObjectKey(image.storage_key)) return { deleted: true as const }
      const storage = mediaStorage(ctx.config)
      const folder = folderOf(image.storage_key)
      const results = await Promise.allSettled(
        VARIANTS.map((name) => storage.delete(variantKey(folder, name))),
      )
      for (const result of results) {
        // The image is gone from the catalog; leftover bytes are only wasted space, so the seller gets success.
        if (result.status === 'rejected')
          ctx.logger.error(
            { err: result.reason, imageId: image.id, folder },
            'could not delete stored image files',
          )
      }
      return { deleted: true as const }
    }),
})
