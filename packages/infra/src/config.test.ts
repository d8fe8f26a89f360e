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

describe('OUTBOX_RELAY_AGGREGATE_IDS', () => {
  it('is unset, or empty, for a relay of every event', () => {
    expect(loadConfig({}).OUTBOX_RELAY_AGGREGATE_IDS).toBeUndefined()
    expect(loadConfig({ OUTBOX_RELAY_AGGREGATE_IDS: ' , ' }).OUTBOX_RELAY_AGGREGATE_IDS).toBe(
      undefined,
    )
  })

  it('lists the aggregate ids a confined relay claims', () => {
    expect(
      loadConfig({ OUTBOX_RELAY_AGGREGATE_IDS: 'a-1, b-2' }).OUTBOX_RELAY_AGGREGATE_IDS,
    ).toEqual(['a-1', 'b-2'])
  })
})
