import { fileURLToPath } from 'node:url'
import type { Config } from '../config'
import { createLocalDiskStorage } from './local-disk-storage'
import type { ObjectStorage } from './object-storage'
import { createS3Storage } from './s3-storage'

/** `.stack/storage` at the repository root, beside the local stack's other data. */
export const DEFAULT_STORAGE_DIR = fileURLToPath(
  new URL('../../../../.stack/storage', import.meta.url),
)

type StorageConfig = Pick<
  Config,
  | 'STORAGE_DIR'
  | 'MEDIA_BASE_URL'
  | 'S3_BUCKET'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>

/** The S3-compatible store when S3_BUCKET is set, else the local disk (STORAGE_DIR or `.stack/storage`). */
export function createObjectStorage(config: StorageConfig): ObjectStorage {
  if (config.S3_BUCKET) {
    return createS3Storage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      baseUrl: config.MEDIA_BASE_URL,
    })
  }
  return createLocalDiskStorage({
    rootDir: config.STORAGE_DIR || DEFAULT_STORAGE_DIR,
    baseUrl: config.MEDIA_BASE_URL,
  })
}
