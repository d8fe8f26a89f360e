import { describe, expect, it } from 'vitest'
import { signLinkToken, verifyLinkToken } from './link-token'

const secret = 'a-test-secret-that-is-long-enough-0001'
const now = new Date('2026-01-01T00:00:00Z')
const exp = now.getTime() / 1000 + 3600

describe('signed link tokens', () => {
  it('round-trips the claims of a valid token', () => {
    const token = signLinkToken(secret, { purpose: 'unsubscribe', subject: 'u1', kind: 'k', exp })
    expect(verifyLinkToken(secret, 'unsubscribe', token, now)).toEqual({
      purpose: 'unsubscribe',
      subject: 'u1',
      kind: 'k',
      exp,
    })
  })

  it('refuses another purpose, another secret, an altered body and an expired token', () => {
    const token = signLinkToken(secret, { purpose: 'cart-restore', subject: 'c1', exp })
    expect(verifyLinkToken(secret, 'unsubscribe', token, now)).toBeNull()
    expect(verifyLinkToken(`${secret}x`, 'cart-restore', token, now)).toBeNull()
    const [, signature] = token.split('.')
    const forged = `${Buffer.from(JSON.stringify({ purpose: 'cart-restore', subject: 'c2', exp })).toString('base64url')}.${signature}`
    expect(verifyLinkToken(secret, 'cart-restore', forged, now)).toBeNull()
    expect(verifyLinkToken(secret, 'cart-restore', token, new Date(exp * 1000))).toBeNull()
    expect(verifyLinkToken(secret, 'cart-restore', 'garbage', now)).toBeNull()
  })
})
