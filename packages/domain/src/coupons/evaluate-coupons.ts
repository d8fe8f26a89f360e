import { assertSameCurrency, zero, type CurrencyCode, type Money } from '../money'
import type { AppliedDiscount, CartLine } from '../pricing'
import { applyCoupon, startingRemaining } from './apply-coupon'
import { checkCoupon } from './check-coupon'
import type { Coupon, CouponUsage } from './coupon'
import type { CouponRefusal } from './coupon-refusal'

/** The cart as coupon rules see it; `shippingQuote` lets free shipping be valued when ranking. */
export interface CouponCart {
  readonly currency: CurrencyCode
  readonly lines: readonly CartLine[]
  readonly shippingQuote?: Money
}

/** Coupons that apply, in application order, and those that do not, in the order entered. */
export interface CouponEvaluation {
  readonly applied: AppliedDiscount[]
  readonly refused: CouponRefusal[]
}

/** Application rank: line-level before order-level, percentage before fixed, free shipping last. */
function rank(coupon: Coupon): number {
  if (coupon.discount.kind === 'free_shipping') return 4
  const level = coupon.restrictTo === undefined ? 2 : 0
  return level + (coupon.discount.kind === 'percentage' ? 0 : 1)
}

function byCode(a: Coupon, b: Coupon): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

/** What `coupon` alone would save on the cart, for choosing among non-stackable coupons. */
function standaloneValue(coupon: Coupon, cart: CouponCart): number {
  const applied = applyCoupon(coupon, cart.lines, startingRemaining(cart.lines), cart.currency)
  return applied.scope === 'shipping' ? (cart.shippingQuote?.amount ?? 0) : applied.amount.amount
}

/**
 * Decides which coupons apply to `cart` at `now` and how much each takes off.
 *
 * 1. Each coupon is checked on its own (a repeated code, validity window, usage limits,
 *    currency, minimum spend, eligible lines); the first failing check is its refusal.
 * 2. At most one non-stackable coupon applies per order: the one saving the customer most on
 *    its own (free shipping is worth `shippingQuote`), ties to the alphabetically first code.
 *    The other non-stackable coupons are refused, naming the one kept.
 * 3. The rest apply in a fixed order — line-level (restricted to SKUs or categories) before
 *    order-level, percentage before fixed, free shipping last, ties by code — each on what the
 *    earlier ones left, so a fixed amount never takes more than remains and totals stay ≥ 0.
 */
export function evaluateCoupons(
  coupons: readonly Coupon[],
  cart: CouponCart,
  customerUsage: Readonly<Record<string, CouponUsage>>,
  now: Date,
): CouponEvaluation {
  const nothing = zero(cart.currency)
  for (const line of cart.lines) assertSameCurrency(nothing, line.unitPrice)
  if (cart.shippingQuote !== undefined) assertSameCurrency(nothing, cart.shippingQuote)

  // Keyed by position, so the same coupon entered twice is refused once, not overwritten.
  const refusals = new Map<number, CouponRefusal>()
  const seen = new Set<string>()
  const valid: { coupon: Coupon; index: number }[] = []
  coupons.forEach((coupon, index) => {
    const usage = Object.hasOwn(customerUsage, coupon.code) ? customerUsage[coupon.code] : undefined
    const refusal = seen.has(coupon.code)
      ? {
          couponCode: coupon.code,
          reason: 'duplicate' as const,
          message: `Coupon ${coupon.code} is already applied`,
        }
      : checkCoupon(coupon, cart, usage, now)
    seen.add(coupon.code)
    if (refusal === undefined) valid.push({ coupon, index })
    else refusals.set(index, refusal)
  })

  const [kept, ...others] = valid
    .filter(({ coupon }) => !coupon.stackable)
    .map((entry) => ({ ...entry, value: standaloneValue(entry.coupon, cart) }))
    .sort((a, b) => b.value - a.value || byCode(a.coupon, b.coupon))
  for (const { coupon, index } of others) {
    const keptCode = kept?.coupon.code ?? ''
    refusals.set(index, {
      couponCode: coupon.code,
      reason: 'not_stackable',
      message: `Coupon ${coupon.code} cannot be combined with coupon ${keptCode}, which saves you at least as much`,
      conflictsWith: keptCode,
    })
  }

  const remaining = startingRemaining(cart.lines)
  const applied = valid
    .filter(({ index }) => !refusals.has(index))
    .map(({ coupon }) => coupon)
    .sort((a, b) => rank(a) - rank(b) || byCode(a, b))
    .map((coupon) => applyCoupon(coupon, cart.lines, remaining, cart.currency))
  const refused = [...refusals.entries()].sort(([a], [b]) => a - b).map(([, refusal]) => refusal)
  return { applied, refused }
}
