import { z } from 'zod'

/** Largest upload accepted, in bytes (before base64). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
/** Largest width or height accepted, in pixels. */
export const MAX_IMAGE_DIMENSION = 8000
/** Image formats sellers may upload (checked from the bytes, not the file name). */
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
/** Stored sizes: each fits in a square of this many pixels, keeping the aspect ratio. */
export const IMAGE_VARIANT_SIZES = { thumb: 200, medium: 600, large: 1200 } as const
export type ImageVariantName = keyof typeof IMAGE_VARIANT_SIZES

const MAX_BASE64_LENGTH = Math.ceil(MAX_IMAGE_BYTES / 3) * 4

export const UploadProductImageInput = z.object({
  productId: z.uuid(),
  /** The file, base64-encoded (no `data:` prefix). */
  data: z
    .string()
    .min(1, 'Choose an image to upload.')
    .max(MAX_BASE64_LENGTH, `Images can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The image must be base64-encoded.'),
  altText: z.string().trim().max(300).optional(),
})
export type UploadProductImageInput = z.infer<typeof UploadProductImageInput>

export const ImageVariantView = z.object({
  url: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  contentType: z.string(),
})
export type ImageVariantView = z.infer<typeof ImageVariantView>

export const ProductImageView = z.object({
  id: z.number().int(),
  productId: z.uuid(),
  altText: z.string().nullable(),
  position: z.number().int(),
  variants: z.object({
    thumb: ImageVariantView,
    medium: ImageVariantView,
    large: ImageVariantView,
  }),
})
export type ProductImageView = z.infer<typeof ProductImageView>

export const DeleteProductImageInput = z.object({ imageId: z.number().int().positive() })
