export { CartLineSchema, type CartLine } from './cart-line'
export { CartSchema, type Cart } from './cart'
export {
  AppliedDiscountSchema,
  LineDiscountPartSchema,
  type AppliedDiscount,
} from './applied-discount'
export {
  CartTotalsSchema,
  DiscountSummarySchema,
  PricedLineSchema,
  type CartTotals,
  type DiscountSummary,
  type PricedLine,
} from './cart-totals'
export { TaxRuleSchema, taxRateFor, type TaxRule } from './tax-rule'
export { ShippingRuleSchema, quoteShipping, type ShippingRule } from './shipping-rule'
export { priceCart, type PriceCartInput } from './price-cart'
export { detectPriceChanges, type PriceChange } from './price-changes'
export {
  ExchangeRateSchema,
  LockedExchangeRateSchema,
  convert,
  lockExchangeRate,
  parseExchangeRate,
  type DecimalExchangeRate,
  type ExchangeRate,
  type LockedExchangeRate,
} from './exchange-rate'
