import type { CartCurrency } from '../trpc'

/** Currencies a shopper can switch the cart to (the API's list; the type keeps them in step). */
export const CART_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'JPY',
] as const satisfies readonly CartCurrency[]
