import { format, isCurrencyCode } from '@emporium/domain'

/** A price for people (`$19.99`, `¥700`) from integer minor units and a currency code. */
export function formatPrice(price: { amount: number; currency: string }): string {
  if (!isCurrencyCode(price.currency)) return `${price.amount} ${price.currency} (minor units)`
  return format({ amount: price.amount, currency: price.currency })
}
