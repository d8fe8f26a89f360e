/**
 * Card tokens of the built-in test gateway, named like Stripe's test tokens. The browser sends one of
 * these tokens (never a card number); the storefront explains them next to the card field.
 */
export const TEST_CARD_TOKENS = {
  tok_visa: { outcome: 'succeeded', label: 'Visa 4242 4242 4242 4242 — payment succeeds' },
  tok_chargeDeclined: { outcome: 'declined', label: 'Visa 4000 0000 0000 0002 — card declined' },
  tok_chargeDeclinedInsufficientFunds: {
    outcome: 'insufficient_funds',
    label: 'Visa 4000 0000 0000 9995 — insufficient funds',
  },
  tok_processing: {
    outcome: 'processing',
    label: 'Visa 4000 0000 0000 3220 — processing, then succeeds',
  },
  tok_gatewayOutage: { outcome: 'outage', label: 'Visa 4000 0000 0000 0119 — the gateway is down' },
} as const

export type TestCardToken = keyof typeof TEST_CARD_TOKENS

/** True when `token` is one of the test gateway's card tokens. */
export function isTestCardToken(token: string): token is TestCardToken {
  return Object.hasOwn(TEST_CARD_TOKENS, token)
}
