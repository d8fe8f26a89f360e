import { InvalidArgumentError } from '../errors'
import { format, multiply, subtract, sum, type CurrencyCode } from '../money'
import type { CartLine } from '../pricing'
import type { Coupon, CouponUsage } from './coupon'
import type { CouponRefusal } from './coupon-refusal'

function instant(value: string, what: string, code: string): number {
  const at = Date.parse(value)
  if (Number.isNaN(at))
    throw new InvalidArgumentError(
      `Coupon ${code} has an unreadable ${what} ${JSON.stringify(value)}`,
    )
  return at
}

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10)
}

/** True when `line` is one the coupon may discount (always, for an unrestricted coupon). */
export function isEligibleLine(coupon: Coupon, line: CartLine): boolean {
  if (coupon.restrictTo === undefined) return true
  const { skus, categories } = coupon.restrictTo
  return skus.includes(line.sku) || (line.categories ?? []).some((c) => categories.includes(c))
}

/**
 * The first reason `coupon` cannot be used on this cart on its own, checked in this order:
 * validity window, total usage, the shopper's usage, currency, minimum spend, eligible lines.
 * `undefined` when it can be used.
 */
export function checkCoupon(
  coupon: Coupon,
  cart: { readonly currency: CurrencyCode; readonly lines: readonly CartLine[] },
  usage: CouponUsage | undefined,
  now: Date,
): CouponRefusal | undefined {
  const code = coupon.code
  const refuse = (
    reason: CouponRefusal['reason'],
    message: string,
    extra: Partial<CouponRefusal> = {},
  ) => ({
    couponCode: code,
    reason,
    message,
    ...extra,
  })
  const at = now.getTime()
  if (coupon.validFrom !== undefined && at < instant(coupon.validFrom, 'validFrom', code)) {
    return refuse(
      'not_yet_valid',
      `Coupon ${code} can only be used from ${day(instant(coupon.validFrom, 'validFrom', code))}`,
    )
  }
  if (coupon.validUntil !== undefined && at >= instant(coupon.validUntil, 'validUntil', code)) {
    return refuse(
      'expired',
      `Coupon ${code} expired on ${day(instant(coupon.validUntil, 'validUntil', code))}`,
    )
  }
  if (coupon.usageLimit !== undefined && (usage?.totalRedemptions ?? 0) >= coupon.usageLimit) {
    return refuse('usage_limit_reached', `Coupon ${code} has been used as many times as it allows`)
  }
  if (
    coupon.perCustomerLimit !== undefined &&
    (usage?.customerRedemptions ?? 0) >= coupon.perCustomerLimit
  ) {
    const times = coupon.perCustomerLimit === 1 ? 'once' : `${coupon.perCustomerLimit} times`
    return refuse(
      'customer_usage_limit_reached',
      `You have already used coupon ${code}; it can be used ${times} per customer`,
    )
  }
  const moneyTerms = [
    coupon.minimumSpend,
    coupon.discount.kind === 'fixed' ? coupon.discount.amount : undefined,
  ]
  const foreign = moneyTerms.find((m) => m !== undefined && m.currency !== cart.currency)
  if (foreign !== undefined) {
    return refuse(
      'wrong_currency',
      `Coupon ${code} is for carts in ${foreign.currency}, and this cart is in ${cart.currency}`,
    )
  }
  if (coupon.minimumSpend !== undefined) {
    const subtotal = sum(
      cart.lines.map((l) => multiply(l.unitPrice, l.quantity)),
      cart.currency,
    )
    const shortBy = subtract(coupon.minimumSpend, subtotal)
    if (shortBy.amount > 0) {
      return refuse(
        'minimum_spend_not_met',
        `Spend ${format(shortBy)} more to use coupon ${code} (it needs a ${format(coupon.minimumSpend)} minimum)`,
        { shortBy },
      )
    }
  }
  if (!cart.lines.some((line) => isEligibleLine(coupon, line))) {
    return refuse(
      'not_applicable',
      coupon.restrictTo === undefined
        ? `Coupon ${code} needs something in your cart`
        : `Coupon ${code} only applies to selected products, and none of them is in your cart`,
    )
  }
  return undefined
}
