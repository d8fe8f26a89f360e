import sharp from 'sharp'
import {
  IMAGE_VARIANT_SIZES,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_DIMENSION,
  type ImageVariantName,
} from '@emporium/domain/media'

/** An upload we refuse, with a message for the seller. */
export class ImageRejectedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImageRejectedError'
  }
}

export interface ImageVariant {
  name: ImageVariantName
  bytes: Uint8Array
  contentType: 'image/webp'
  width: number
  height: number
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** The image type told by the file's first bytes (JPEG, PNG, WebP), whatever its name says; else undefined. */
export function sniffImageType(
  bytes: Uint8Array,
): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return undefined
}

/**
 * Checks an upload (size, real type, dimensions) and renders the stored sizes as WebP, each fitting
 * its square without enlarging the original. Throws ImageRejectedError for anything we refuse.
 */
export async function renderImageVariants(bytes: Uint8Array): Promise<ImageVariant[]> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new ImageRejectedError(`Images can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`)
  }
  if (!sniffImageType(bytes)) {
    throw new ImageRejectedError('This file is not a JPEG, PNG or WebP image.')
  }
  const options = {
    limitInputPixels: MAX_IMAGE_DIMENSION * MAX_IMAGE_DIMENSION,
    failOn: 'error',
  } as const
  let width: number | undefined
  let height: number | undefined
  try {
    ;({ width, height } = await sharp(bytes, options).metadata())
  } catch {
    throw new ImageRejectedError('This image is damaged or incomplete and cannot be read.')
  }
  if (!width || !height) throw new ImageRejectedError('This image has no size and cannot be read.')
  if (width > MAX_IMAGE_DIMENSION || height > MAX_IMAGE_DIMENSION) {
    throw new ImageRejectedError(
      `Images can be at most ${MAX_IMAGE_DIMENSION} × ${MAX_IMAGE_DIMENSION} pixels.`,
    )
  }
  const names = Object.keys(IMAGE_VARIANT_SIZES) as ImageVariantName[]
  return Promise.all(
    names.map(async (name) => {
      const size = IMAGE_VARIANT_SIZES[name]
      const { data, info } = await sharp(bytes, options)
        .rotate() // honour EXIF orientation before resizing
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true })
      return {
        name,
        bytes: new Uint8Array(data),
        contentType: 'image/webp' as const,
        width: info.width,
        height: info.height,
      }
    }),
  )
}
