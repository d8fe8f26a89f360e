import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Envelope encryption of personal data (AES-256-GCM, node:crypto). Each value gets its own random
 * data key; the data key is wrapped by a key-encryption key (KEK) named by id. Rotating means adding
 * a new KEK as current: old values still open with their KEK, and `rewrapPii` moves a value to the
 * current KEK by re-wrapping its small data key, without touching the data's ciphertext.
 *
 * Sealed form: `pii1.<kekId>.<wrapIv>.<wrapTag>.<wrappedKey>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
const PREFIX = 'pii1'
const ALGORITHM = 'aes-256-gcm'

/** The KEKs in use: the current one seals, every one listed can open. */
export interface PiiKeyRing {
  currentId: string
  keys: ReadonlyMap<string, Buffer>
}

/** The value could not be opened: unknown KEK, a damaged or tampered value, or the wrong context. */
export class PiiDecryptionError extends Error {
  override name = 'PiiDecryptionError'
}

const b64 = (buffer: Buffer) => buffer.toString('base64url')
const unb64 = (text: string) => Buffer.from(text, 'base64url')

/**
 * Parses `id:base64key,id:base64key` (each key 32 bytes) and the current id into a key ring;
 * throws a readable error on a malformed list, a short key or a current id that is not listed.
 */
export function parsePiiKeyRing(spec: string, currentId: string): PiiKeyRing {
  const keys = new Map<string, Buffer>()
  for (const entry of spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':')
    const id = entry.slice(0, colon)
    if (colon <= 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new Error(
        `PII key entry must look like "id:base64key" with a short id, got "${id || entry.slice(0, 8)}…"`,
      )
    const key = Buffer.from(entry.slice(colon + 1), 'base64')
    if (key.length !== 32)
      throw new Error(`PII key "${id}" must be 32 bytes (base64), got ${key.length}`)
    if (keys.has(id)) throw new Error(`PII key "${id}" is listed twice`)
    keys.set(id, key)
  }
  if (!keys.has(currentId))
    throw new Error(`The current PII key "${currentId}" is not in the key list`)
  return { currentId, keys }
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): [Buffer, Buffer, Buffer] {
  const iv = randomBytes(12)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  cipher.setAAD(aad)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return [iv, cipher.getAuthTag(), ciphertext]
}

function open(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv)
  decipher.setAAD(aad)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(ciphertext), decipher.final()])
}

/** True when `value` is in the sealed form (so a reader can tell legacy plaintext from ciphertext). */
export const isSealedPii = (value: string) => value.startsWith(`${PREFIX}.`)

/** The KEK id a sealed value is wrapped with. */
export function piiKeyIdOf(sealed: string): string {
  const id = sealed.split('.')[1]
  if (!isSealedPii(sealed) || !id) throw new PiiDecryptionError('Not an encrypted value')
  return id
}

function wrapDataKey(ring: PiiKeyRing, dataKey: Buffer): string[] {
  const kek = ring.keys.get(ring.currentId)
  if (!kek) throw new Error(`The current PII key "${ring.currentId}" is missing`)
  // The KEK id is bound to the wrapped key, so a value cannot be relabelled to another KEK.
  const [iv, tag, wrapped] = seal(kek, dataKey, Buffer.from(ring.currentId))
  return [ring.currentId, b64(iv), b64(tag), b64(wrapped)]
}

function unwrapDataKey(ring: PiiKeyRing, parts: string[]): Buffer {
  const [kekId, iv, tag, wrapped] = parts
  const kek = kekId === undefined ? undefined : ring.keys.get(kekId)
  if (!kek || !kekId || !iv || !tag || !wrapped)
    throw new PiiDecryptionError(`No key "${kekId ?? ''}" to open this value`)
  try {
    return open(kek, unb64(iv), unb64(tag), unb64(wrapped), Buffer.from(kekId))
  } catch (error) {
    throw new PiiDecryptionError(
      `PII key "${kekId}" does not open this value: the key is not the one it was sealed with, or the value was tampered with`,
      { cause: error },
    )
  }
}

/**
 * Encrypts `plaintext` under a fresh data key wrapped by the current KEK. `context` (e.g. the
 * table and column) is authenticated, so a value copied into another column does not open.
 */
export function encryptPii(ring: PiiKeyRing, plaintext: string, context: string): string {
  const dataKey = randomBytes(32)
  const [iv, tag, ciphertext] = seal(dataKey, Buffer.from(plaintext, 'utf8'), Buffer.from(context))
  return [PREFIX, ...wrapDataKey(ring, dataKey), b64(iv), b64(tag), b64(ciphertext)].join('.')
}

/** Opens a sealed value; throws PiiDecryptionError when it was altered or the context differs. */
export function decryptPii(ring: PiiKeyRing, sealed: string, context: string): string {
  const parts = sealed.split('.')
  if (parts.length !== 8 || parts[0] !== PREFIX)
    throw new PiiDecryptionError('Not an encrypted value')
  const dataKey = unwrapDataKey(ring, parts.slice(1, 5))
  const [iv, tag, ciphertext] = parts.slice(5) as [string, string, string]
  try {
    return open(dataKey, unb64(iv), unb64(tag), unb64(ciphertext), Buffer.from(context)).toString(
      'utf8',
    )
  } catch (error) {
    throw new PiiDecryptionError('This encrypted value is damaged or was tampered with', {
      cause: error,
    })
  }
}

/** Re-wraps a value's data key under the current KEK (the same value when it already is). */
export function rewrapPii(ring: PiiKeyRing, sealed: string): string {
  const parts = sealed.split('.')
  if (parts.length !== 8 || parts[0] !== PREFIX)
    throw new PiiDecryptionError('Not an encrypted value')
  if (parts[1] === ring.currentId) return sealed
  const dataKey = unwrapDataKey(ring, parts.slice(1, 5))
  return [PREFIX, ...wrapDataKey(ring, dataKey), ...parts.slice(5)].join('.')
}
