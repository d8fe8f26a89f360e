/** Bytes and their media type, as stored. */
export interface StoredObject {
  bytes: Uint8Array
  contentType: string
}

/** Where uploaded files live: the local disk by default, an S3-compatible service when configured. */
export interface ObjectStorage {
  readonly kind: 'local' | 's3'
  /** Stores (or replaces) the object under `key`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** The object, or undefined when nothing is stored under `key`. */
  get(key: string): Promise<StoredObject | undefined>
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>
  /** The public URL of the object (served by the API at `/media/<key>`). */
  url(key: string): string
  /** Releases connections. */
  close(): void
}

/** Thrown for a key that could escape the store or is not a plain relative path. */
export class InvalidObjectKeyError extends Error {
  constructor(key: string) {
    super(
      `Invalid object key ${JSON.stringify(key.slice(0, 200))}: use letters, digits, '.', '_', '-' in '/'-separated segments, without '.' or '..' segments.`,
    )
    this.name = 'InvalidObjectKeyError'
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/
const MAX_KEY_LENGTH = 512

/** True for keys like `products/<id>/<name>.webp`: relative, no empty, `.` or `..` segment, no odd characters. */
export function isValidObjectKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false
  return key.split('/').every((segment) => SEGMENT.test(segment) && segment !== '..')
}

/** Throws InvalidObjectKeyError unless `isValidObjectKey(key)`. */
export function assertValidObjectKey(key: string): void {
  if (!isValidObjectKey(key)) throw new InvalidObjectKeyError(key)
}

/** `/media/<key>` under an optional origin (a CDN, or the API's public URL). */
export function mediaUrl(baseUrl: string | undefined, key: string): string {
  const base = baseUrl ? baseUrl.replace(/\/+$/, '') : ''
  return `${base}/media/${key.split('/').map(encodeURIComponent).join('/')}`
}
