import { randomBytes } from 'node:crypto'
import { parsePiiKeyRing, type PiiKeyRing } from '../pii/envelope-cipher'

/** A random 32-byte key in the `id:base64` form of PII_ENCRYPTION_KEYS. */
export const randomPiiKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`

/** A key ring of one fresh random key, for tests that need their own. */
export const testPiiKeyRing = (id = 'test'): PiiKeyRing => parsePiiKeyRing(randomPiiKey(id), id)
