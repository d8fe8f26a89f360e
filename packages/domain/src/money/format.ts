import { currencyExponent } from './currency'
import { toDecimalString } from './decimal'
import type { Money } from './money'

/**
 * Formats `m` for people in `locale` with the currency's own number of decimals (none for JPY,
 * three for KWD). The exact decimal string is handed to `Intl.NumberFormat`, so large amounts
 * never pass through a float. An invalid locale tag throws the `RangeError` of `Intl`.
 */
export function format(m: Money, locale = 'en-US'): string {
  const decimal = toDecimalString(m) as `${number}`
  const exponent = currencyExponent(m.currency)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(decimal)
}
