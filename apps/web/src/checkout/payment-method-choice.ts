/** What `payments.config` says: which gateway charges orders, and Stripe's publishable key if any. */
export interface PaymentConfig {
  gateway: 'stripe' | 'test'
  stripePublishableKey: string | null
}

/** How the checkout collects the payment method it sends to the API as `paymentMethodToken`. */
export type PaymentMethodChoice =
  /** Stripe's card Element: card data goes only to Stripe.js, the API gets a PaymentMethod id. */
  | { kind: 'stripe-card-element'; publishableKey: string }
  /** The built-in test gateway: the shopper types one of its test card tokens (explained). */
  | { kind: 'test-gateway-token' }
  /** Stripe without a publishable key (stripe-mock, Stripe test mode): a test PaymentMethod id. */
  | { kind: 'stripe-payment-method-id' }

/** Stripe's card Element exactly when Stripe charges the orders and a publishable key is configured. */
export function choosePaymentMethod(config: PaymentConfig): PaymentMethodChoice {
  if (config.gateway === 'test') return { kind: 'test-gateway-token' }
  if (config.stripePublishableKey)
    return { kind: 'stripe-card-element', publishableKey: config.stripePublishableKey }
  return { kind: 'stripe-payment-method-id' }
}

/** Shown instead of the card form when Stripe.js (or its card iframe) cannot be loaded. */
export const STRIPE_UNAVAILABLE_MESSAGE =
  'Card payments are unavailable right now: the secure card form could not be loaded from Stripe. Please try again in a few minutes. Nothing has been charged.'
