import type { TestCardToken } from '@emporium/infra'

/**
 * The test gateway's card tokens and what each does, as the checkout page explains them. Typed by
 * the gateway's own token list, so a token added there fails the build until it is explained here.
 */
export const TEST_CARDS: Record<TestCardToken, string> = {
  tok_visa: 'Visa 4242 4242 4242 4242: the payment succeeds',
  tok_chargeDeclined: 'Visa 4000 0000 0000 0002: the card is declined',
  tok_chargeDeclinedInsufficientFunds: 'Visa 4000 0000 0000 9995: declined for insufficient funds',
  tok_processing: 'Visa 4000 0000 0000 3220: processing at first, then succeeds',
  tok_gatewayOutage: 'Visa 4000 0000 0000 0119: the payment provider is down',
}
