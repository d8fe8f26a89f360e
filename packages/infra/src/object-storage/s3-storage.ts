import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import {
  assertValidObjectKey,
  mediaUrl,
  type ObjectStorage,
  type StoredObject,
} from './object-storage'

export interface S3StorageOptions {
  bucket: string
  /** An S3-compatible endpoint; undefined = AWS. */
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  forcePathStyle: boolean
  baseUrl?: string
}

/** Object store in an S3 bucket (AWS or any S3-compatible server). */
export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
  })
  const Bucket = options.bucket

  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      assertValidObjectKey(key)
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType }),
      )
    },
    async get(key): Promise<StoredObject | undefined> {
      assertValidObjectKey(key)
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }))
        if (!object.Body) return undefined
        const bytes = await object.Body.transformToByteArray()
        return { bytes, contentType: object.ContentType ?? 'application/octet-stream' }
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
          return undefined
        throw error
      }
    },
    async delete(key) {
      assertValidObjectKey(key)
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    url: (key) => mediaUrl(options.baseUrl, key),
    close: () => client.destroy(),
  }
}
