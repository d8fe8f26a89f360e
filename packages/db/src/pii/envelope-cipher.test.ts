import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  decryptPii,
  encryptPii,
  isSealedPii,
  parsePiiKeyRing,
  PiiDecryptionError,
  piiKeyIdOf,
  rewrapPii,
} from './envelope-cipher'

const key = () => randomBytes(32).toString('base64')
const [k1, k2] = [key(), key()]
const oldRing = parsePiiKeyRing(`k1:${k1}`, 'k1')
const rotated = parsePiiKeyRing(`k1:${k1},k2:${k2}`, 'k2')
const phone = '+1 212 555 0100'
const CONTEXT = 'addresses.phone'

/** Flips one character of the sealed value's part `index`. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.')
  const part = parts[index] ?? ''
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1)
  return parts.join('.')
}

describe('envelope encryption of personal data', () => {
  it('round-trips text, and the sealed form shows no plaintext and differs every time', () => {
    const a = encryptPii(oldRing, phone, CONTEXT)
    const b = encryptPii(oldRing, phone, CONTEXT)
    expect(a).not.toContain('555')
    expect(a).not.toBe(b)
    expect(isSealedPii(a)).toBe(true)
    expect(isSealedPii(phone)).toBe(false)
    expect(decryptPii(oldRing, a, CONTEXT)).toBe(phone)
    expect(decryptPii(oldRing, encryptPii(oldRing, 'Zoë Ørsted, 東京', CONTEXT), CONTEXT)).toBe(
      'Zoë Ørsted, 東京',
    )
  })

  it('after rotation old values still open, new ones use the new key, and rewrap moves old ones over', () => {
    const old = encryptPii(oldRing, phone, CONTEXT)
    expect(decryptPii(rotated, old, CONTEXT)).toBe(phone)
    const fresh = encryptPii(rotated, phone, CONTEXT)
    expect(piiKeyIdOf(fresh)).toBe('k2')

    const moved = rewrapPii(rotated, old)
    expect(piiKeyIdOf(moved)).toBe('k2')
    expect(decryptPii(rotated, moved, CONTEXT)).toBe(phone)
    expect(rewrapPii(rotated, moved)).toBe(moved) // idempotent
    // Once k1 is retired, only the rewrapped value still opens.
    const retired = parsePiiKeyRing(`k2:${k2}`, 'k2')
    expect(decryptPii(retired, moved, CONTEXT)).toBe(phone)
    expect(() => decryptPii(retired, old, CONTEXT)).toThrow('No key "k1" to open this value')
  })

  it('detects tampering with the data, its tag, the wrapped key, the key id or the context', () => {
    const sealed = encryptPii(oldRing, phone, CONTEXT)
    for (const index of [3, 4, 7]) {
      expect(() => decryptPii(oldRing, tamper(sealed, index), CONTEXT)).toThrow(PiiDecryptionError)
    }
    expect(() => decryptPii(oldRing, tamper(sealed, 6), CONTEXT)).toThrow(
      'This encrypted value is damaged or was tampered with',
    )
    expect(() => decryptPii(rotated, sealed.replace('.k1.', '.k2.'), CONTEXT)).toThrow(
      'PII key "k2" does not open this value: the key is not the one it was sealed with',
    )
    expect(() => decryptPii(oldRing, sealed, 'orders.shipping_address')).toThrow(PiiDecryptionError)
    expect(() => decryptPii(oldRing, phone, CONTEXT)).toThrow('Not an encrypted value')
  })

  it('refuses malformed key lists with a readable message', () => {
    expect(() => parsePiiKeyRing('k1:c2hvcnQ=', 'k1')).toThrow('PII key "k1" must be 32 bytes')
    expect(() => parsePiiKeyRing(`k1:${k1}`, 'k9')).toThrow('The current PII key "k9" is not in')
    expect(() => parsePiiKeyRing(`k1:${k1},k1:${k2}`, 'k1')).toThrow('listed twice')
    expect(() => parsePiiKeyRing(k1, 'k1')).toThrow('must look like "id:base64key"')
  })
})
