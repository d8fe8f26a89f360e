import { describe, expect, it } from 'vitest'
import { choosePaymentMethod } from './payment-method-choice'

describe('choosePaymentMethod', () => {
  it('uses Stripe’s card Element when Stripe charges the orders and a publishable key is set', () => {
    expect(choosePaymentMethod({ gateway: 'stripe', stripePublishableKey: 'pk_test_123' })).toEqual(
      {
        kind: 'stripe-card-element',
        publishableKey: 'pk_test_123',
      },
    )
  })

  it('asks for the test gateway’s card tokens when the test gateway charges the orders', () => {
    expect(choosePaymentMethod({ gateway: 'test', stripePublishableKey: null })).toEqual({
      kind: 'test-gateway-token',
    })
    // Even with a key: a Stripe PaymentMethod id means nothing to the test gateway.
    expect(choosePaymentMethod({ gateway: 'test', stripePublishableKey: 'pk_test_123' })).toEqual({
      kind: 'test-gateway-token',
    })
  })

  it('asks for a Stripe payment method id when Stripe has no publishable key', () => {
    expect(choosePaymentMethod({ gateway: 'stripe', stripePublishableKey: null })).toEqual({
      kind: 'stripe-payment-method-id',
    })
    expect(choosePaymentMethod({ gateway: 'stripe', stripePublishableKey: '' })).toEqual({
      kind: 'stripe-payment-method-id',
    })
  })
})
