export { createObjectStorage, DEFAULT_STORAGE_DIR } from './create-object-storage'
export { createLocalDiskStorage } from './local-disk-storage'
export {
  assertValidObjectKey,
  InvalidObjectKeyError,
  isValidObjectKey,
  type ObjectStorage,
  type StoredObject,
} from './object-storage'
export { createS3Storage, type S3StorageOptions } from './s3-storage'
