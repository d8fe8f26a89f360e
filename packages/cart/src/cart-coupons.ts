import {
  countCustomerRedemptions,
  findCouponsByCodes,
  type Coupon as CouponRow,
  type Db,
} from '@emporium/db'
import {
  evaluateCoupons,
  money,
  parseCurrency,
  type CartLine,
  type Coupon,
  type CouponEvaluation,
  type CouponUsage,
  type CurrencyCode,
  type Money,
} from '@emporium/domain'

/**
 * A coupon row as the domain rules see it. A minimum spend is in the coupon's currency, or the
 * cart's when the coupon has none (percentage and free-shipping coupons).
 */
export function toDomainCoupon(row: CouponRow, cartCurrency: CurrencyCode): Coupon {
  const currency = row.currency === null ? cartCurrency : parseCurrency(row.currency)
  return {
    code: row.code,
    discount:
      row.kind === 'percentage'
        ? { kind: 'percentage', basisPoints: row.value }
        : row.kind === 'fixed'
          ? { kind: 'fixed', amount: money(row.value, currency) }
          : { kind: 'free_shipping' },
    minimumSpend: row.min_spend_minor > 0 ? money(row.min_spend_minor, currency) : undefined,
    validFrom: row.starts_at?.toISOString(),
    validUntil: row.ends_at?.toISOString(),
    usageLimit: row.usage_limit_total ?? undefined,
    perCustomerLimit: row.usage_limit_per_customer ?? undefined,
    stackable: row.stackable,
  }
}

/** Evaluates the cart's coupon codes against the database's coupons and this shopper's usage. */
export async function evaluateCartCoupons(
  db: Db,
  input: {
    codes: readonly string[]
    currency: CurrencyCode
    lines: readonly CartLine[]
    shippingQuote: Money
    userId: string | null
    now: Date
  },
): Promise<CouponEvaluation> {
  const rows = await findCouponsByCodes(db, input.codes)
  const byCode = new Map(rows.map((r) => [r.code.toLowerCase(), r]))
  const customer =
    input.userId === null
      ? new Map<number, number>()
      : await countCustomerRedemptions(
          db,
          rows.map((r) => r.id),
          input.userId,
        )
  const coupons: Coupon[] = []
  const usage: Record<string, CouponUsage> = {}
  const missing: CouponEvaluation['refused'] = []
  for (const code of input.codes) {
    const row = byCode.get(code.toLowerCase())
    if (!row) {
      missing.push({
        couponCode: code,
        reason: 'not_applicable',
        message: `Coupon ${code} no longer exists`,
      })
      continue
    }
    if (row.issued_to_user_id !== null && row.issued_to_user_id !== input.userId) {
      missing.push({
        couponCode: code,
        reason: 'not_applicable',
        message: `Coupon ${code} was issued to another account`,
      })
      continue
    }
    coupons.push(toDomainCoupon(row, input.currency))
    usage[row.code] = {
      totalRedemptions: row.times_redeemed,
      customerRedemptions: customer.get(row.id) ?? 0,
    }
  }
  const evaluation = evaluateCoupons(
    coupons,
    { currency: input.currency, lines: input.lines, shippingQuote: input.shippingQuote },
    usage,
    input.now,
  )
  return { applied: evaluation.applied, refused: [...evaluation.refused, ...missing] }
}
