import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

describe('STRIPE_PUBLISHABLE_KEY', () => {
  it('is optional: unset or empty means no Stripe Element in the browser', () => {
    expect(loadConfig({}).STRIPE_PUBLISHABLE_KEY).toBeUndefined()
    expect(loadConfig({ STRIPE_PUBLISHABLE_KEY: '  ' }).STRIPE_PUBLISHABLE_KEY).toBeUndefined()
  })

  it('keeps a pk_ key', () => {
    expect(loadConfig({ STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123' }).STRIPE_PUBLISHABLE_KEY).toBe(
      'pk_test_abc123',
    )
  })

  it('refuses anything else, so a secret key is never handed to browsers', () => {
    expect(() => loadConfig({ STRIPE_PUBLISHABLE_KEY: 'sk_test_abc123' })).toThrow(
      /a Stripe publishable key starts with pk_\n.*at STRIPE_PUBLISHABLE_KEY/,
    )
  })
})
