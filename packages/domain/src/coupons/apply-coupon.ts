import {
  allocate,
  min,
  multiply,
  percentage,
  subtract,
  sum,
  type CurrencyCode,
  type Money,
} from '../money'
import type { AppliedDiscount, CartLine } from '../pricing'
import { isEligibleLine } from './check-coupon'
import type { Coupon } from './coupon'

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index]
  if (item === undefined) throw new Error(`Allocation returned no part ${index}`)
  return item
}

/** What each line still costs after the discounts applied so far, keyed by line id. */
export type Remaining = Map<string, Money>

/** What each line costs before any discount. */
export function startingRemaining(lines: readonly CartLine[]): Remaining {
  return new Map(lines.map((l) => [l.lineId, multiply(l.unitPrice, l.quantity)]))
}

/**
 * The discount `coupon` gives on top of those already taken out of `remaining`, which it
 * updates. Line-level (restricted) coupons touch only eligible lines; percentages round
 * half-even per line (line-level) or once on the order (order-level); fixed amounts are capped
 * at what is left, so nothing goes below zero.
 */
export function applyCoupon(
  coupon: Coupon,
  lines: readonly CartLine[],
  remaining: Remaining,
  currency: CurrencyCode,
): AppliedDiscount {
  const couponCode = coupon.code
  const discount = coupon.discount
  if (discount.kind === 'free_shipping') return { couponCode, scope: 'shipping' }
  const left = (line: CartLine) =>
    remaining.get(line.lineId) ?? multiply(line.unitPrice, line.quantity)

  if (coupon.restrictTo === undefined) {
    const total = sum(lines.map(left), currency)
    const amount =
      discount.kind === 'percentage'
        ? percentage(total, discount.basisPoints)
        : min(discount.amount, total)
    // The order amount is spread over lines by the pricing rules; here only the total shrinks,
    // so later coupons see it, by taking it proportionally in the same way.
    if (amount.amount > 0) {
      const shares = allocate(
        amount,
        lines.map((l) => left(l).amount),
      )
      lines.forEach((l, i) => remaining.set(l.lineId, subtract(left(l), nth(shares, i))))
    }
    return { couponCode, scope: 'order', amount }
  }

  const eligible = lines.filter((l) => isEligibleLine(coupon, l))
  let parts: Money[]
  if (discount.kind === 'percentage') {
    parts = eligible.map((l) => percentage(left(l), discount.basisPoints))
  } else {
    const cap = sum(eligible.map(left), currency)
    const amount = min(discount.amount, cap)
    parts =
      amount.amount > 0
        ? allocate(
            amount,
            eligible.map((l) => left(l).amount),
          )
        : eligible.map(() => amount)
  }
  const lineParts = eligible.map((l, i) => {
    const part = nth(parts, i)
    remaining.set(l.lineId, subtract(left(l), part))
    return { lineId: l.lineId, amount: part }
  })
  return { couponCode, scope: 'line', amount: sum(parts, currency), lines: lineParts }
}
