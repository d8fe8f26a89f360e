import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import type { ReviewPhotoView, UploadedReviewPhotoView } from '@emporium/domain/reviews'
import type { Config, ObjectStorage } from '@emporium/infra'
import { ImageRejectedError, renderImageVariants } from '../media/image-variants'
import { mediaStorage } from '../media/media-storage'

/** `reviews/<user id>/<upload id>/large.webp`: the key a review stores; the other sizes sit beside it. */
const KEY = /^reviews\/([0-9a-f-]{36})\/[0-9a-f-]{36}\/large\.webp$/

const sized = (largeKey: string, name: 'thumb' | 'medium' | 'large') =>
  largeKey.replace(/large\.webp$/, `${name}.webp`)

/** Photo URLs for a stored review photo key. */
export function reviewPhotoView(storage: ObjectStorage, key: string): ReviewPhotoView {
  return { thumbUrl: storage.url(sized(key, 'thumb')), largeUrl: storage.url(key) }
}

/** Stores an uploaded photo in three sizes under the uploader's folder; returns its key and URLs. */
export async function storeReviewPhoto(
  config: Config,
  userId: string,
  base64: string,
): Promise<UploadedReviewPhotoView> {
  let variants
  try {
    variants = await renderImageVariants(Buffer.from(base64, 'base64'))
  } catch (error) {
    if (error instanceof ImageRejectedError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error })
    throw error
  }
  const storage = mediaStorage(config)
  const folder = `reviews/${userId}/${randomUUID()}`
  await Promise.all(
    variants.map((v) => storage.put(`${folder}/${v.name}.webp`, v.bytes, v.contentType)),
  )
  const key = `${folder}/large.webp`
  return { key, ...reviewPhotoView(storage, key) }
}

/** Refuses photo keys that are not the caller's own uploads. */
export function assertOwnPhotoKeys(userId: string, keys: readonly string[]): void {
  for (const key of keys) {
    if (KEY.exec(key)?.[1] !== userId)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'A photo was not uploaded by you. Upload it again with reviews.uploadPhoto.',
      })
  }
  if (new Set(keys).size !== keys.length)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The same photo is attached twice.' })
}
