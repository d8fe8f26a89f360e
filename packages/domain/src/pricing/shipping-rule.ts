import { z } from 'zod'
import { compare, multiply, add, zero, MoneySchema, assertSameCurrency, type Money } from '../money'

/**
 * How shipping is charged: a `flat` fee; `free_over` — a fee that becomes zero once the
 * discounted merchandise total reaches `threshold`; or `per_item` — `base` plus `perItem` for
 * every unit in the cart.
 */
export const ShippingRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), fee: MoneySchema }),
  z.object({ kind: z.literal('free_over'), fee: MoneySchema, threshold: MoneySchema }),
  z.object({ kind: z.literal('per_item'), base: MoneySchema, perItem: MoneySchema }),
])

/** How shipping is charged (see `ShippingRuleSchema`). */
export type ShippingRule = z.infer<typeof ShippingRuleSchema>

/**
 * Shipping fee for a cart of `itemCount` units whose merchandise costs `merchandise` after
 * discounts and before tax. An empty cart ships for nothing.
 */
export function quoteShipping(rule: ShippingRule, merchandise: Money, itemCount: number): Money {
  const currency = merchandise.currency
  switch (rule.kind) {
    case 'flat':
      assertSameCurrency(merchandise, rule.fee)
      return itemCount === 0 ? zero(currency) : rule.fee
    case 'free_over':
      assertSameCurrency(merchandise, rule.fee)
      assertSameCurrency(merchandise, rule.threshold)
      return itemCount === 0 || compare(merchandise, rule.threshold) >= 0
        ? zero(currency)
        : rule.fee
    case 'per_item':
      assertSameCurrency(merchandise, rule.base)
      assertSameCurrency(merchandise, rule.perItem)
      return itemCount === 0 ? zero(currency) : add(rule.base, multiply(rule.perItem, itemCount))
  }
}
