import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { decryptPii, encryptPii } from '@emporium/db'
import { piiKeyRingOf } from './pii-key-ring'

describe('PII keys from configuration', () => {
  it('development and tests work with the built-in key', () => {
    const ring = piiKeyRingOf(loadConfig({ NODE_ENV: 'test' }))
    expect(ring.currentId).toBe('dev')
    expect(decryptPii(ring, encryptPii(ring, '10 Downing St', 'c'), 'c')).toBe('10 Downing St')
  })

  it('production refuses the development key, and accepts its own keys', () => {
    const production = {
      NODE_ENV: 'production',
      NOTIFICATION_LINK_SECRET: randomBytes(32).toString('hex'),
    }
    expect(() => loadConfig(production)).toThrow(
      'PII_ENCRYPTION_KEYS must not contain the development key in production',
    )
    const keys = `2026a:${randomBytes(32).toString('base64')}`
    const config = loadConfig({
      ...production,
      PII_ENCRYPTION_KEYS: keys,
      PII_ENCRYPTION_KEY_ID: '2026a',
    })
    expect(piiKeyRingOf(config).currentId).toBe('2026a')
  })
})
