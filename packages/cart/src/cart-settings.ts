import { money, type CurrencyCode, type ShippingRule } from '@emporium/domain'

/** Currencies a cart can be in. */
export const CART_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'JPY'] as const
/** A currency a cart can be in. */
export type CartCurrency = (typeof CART_CURRENCIES)[number]

/**
 * The catalogue's base currency: a variant without a price in the cart's currency is converted
 * from its price in this currency at the rate the cart locked when it was created.
 */
export const BASE_CURRENCY: CurrencyCode = 'USD'

/** Most units of one variant a cart line may hold. */
export const MAX_LINE_QUANTITY = 999

/** Tunables of the cart; tests pass their own. */
export interface CartSettings {
  /** How long a line keeps the unit price it was added at. */
  priceLockMs: number
  /** Idle lifetime of a guest cart in Redis, refreshed on every read and write. */
  guestTtlS: number
  /** Idle lifetime of a signed-in user's cart in Redis, refreshed on every read and write. */
  userTtlS: number
}

const DAY_S = 24 * 60 * 60

/** 30-minute price lock; guest carts live 7 idle days, users' carts 30. */
export const DEFAULT_CART_SETTINGS: CartSettings = {
  priceLockMs: 30 * 60 * 1000,
  guestTtlS: 7 * DAY_S,
  userTtlS: 30 * DAY_S,
}

/**
 * Shipping per currency: a flat fee (4.99, or ¥700) that becomes free once the discounted
 * merchandise total reaches 50.00 (or ¥7,500). Shipping is not taxed.
 */
export const SHIPPING_RULES: Record<CartCurrency, ShippingRule> = {
  USD: { kind: 'free_over', fee: money(499, 'USD'), threshold: money(5000, 'USD') },
  EUR: { kind: 'free_over', fee: money(499, 'EUR'), threshold: money(5000, 'EUR') },
  GBP: { kind: 'free_over', fee: money(499, 'GBP'), threshold: money(5000, 'GBP') },
  CAD: { kind: 'free_over', fee: money(499, 'CAD'), threshold: money(5000, 'CAD') },
  JPY: { kind: 'free_over', fee: money(700, 'JPY'), threshold: money(7500, 'JPY') },
}
