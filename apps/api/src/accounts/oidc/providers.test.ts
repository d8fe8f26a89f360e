import { testConfig } from '@emporium/infra/testing'
import { describe, expect, it } from 'vitest'
import { allowsPlainHttp, providerClient, redirectUri } from './providers'

describe('oidc providers', () => {
  it('allows plain http only for a loopback issuer outside production', () => {
    const test = testConfig()
    // Production refuses the development secrets, so it gets its own.
    const production = testConfig({
      NODE_ENV: 'production',
      NOTIFICATION_LINK_SECRET: 'a-production-link-secret-of-some-length',
      PII_ENCRYPTION_KEYS: `prod:${Buffer.alloc(32, 7).toString('base64')}`,
      PII_ENCRYPTION_KEY_ID: 'prod',
    })
    expect(allowsPlainHttp(test, new URL('http://127.0.0.1:9000'))).toBe(true)
    expect(allowsPlainHttp(test, new URL('http://localhost:9000'))).toBe(true)
    expect(allowsPlainHttp(test, new URL('http://[::1]:9000'))).toBe(true)
    expect(allowsPlainHttp(test, new URL('http://idp.example.test'))).toBe(false)
    expect(allowsPlainHttp(test, new URL('http://127.0.0.1.example.test'))).toBe(false)
    expect(allowsPlainHttp(production, new URL('http://127.0.0.1:9000'))).toBe(false)
  })

  it('refuses to talk to a plain-http issuer on another host before sending anything', async () => {
    const config = testConfig()
    const provider = {
      id: 'remote',
      name: 'Remote',
      issuer: 'http://idp.example.test',
      clientId: 'c',
    }
    await expect(providerClient(config, provider)).rejects.toThrow(
      'OIDC provider "remote": issuer http://idp.example.test must use https (plain http only for a loopback issuer outside production)',
    )
  })

  it('sends providers back to the web app callback page', () => {
    expect(redirectUri(testConfig({ WEB_ORIGIN: 'https://shop.example.test' }))).toBe(
      'https://shop.example.test/auth/callback',
    )
  })
})
