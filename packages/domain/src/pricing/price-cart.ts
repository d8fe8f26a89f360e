import { CurrencyMismatchError, InvalidArgumentError } from '../errors'
import {
  add,
  allocate,
  assertSameCurrency,
  percentage,
  subtract,
  sum,
  zero,
  multiply,
  type CurrencyCode,
  type Money,
} from '../money'
import type { AppliedDiscount } from './applied-discount'
import type { CartLine } from './cart-line'
import type { CartTotals, DiscountSummary, PricedLine } from './cart-totals'
import { quoteShipping, type ShippingRule } from './shipping-rule'
import { taxRateFor, type TaxRule } from './tax-rule'

/** Everything `priceCart` needs; `discounts` usually come from `evaluateCoupons`. */
export interface PriceCartInput {
  readonly currency: CurrencyCode
  readonly lines: readonly CartLine[]
  readonly discounts: readonly AppliedDiscount[]
  readonly tax: TaxRule
  readonly shipping: ShippingRule
}

interface WorkingLine {
  readonly line: CartLine
  readonly subtotal: Money
  remaining: Money
  lineDiscount: Money
  orderDiscount: Money
}

function checkAmount(amount: Money, currency: CurrencyCode, what: string): void {
  if (amount.currency !== currency) throw new CurrencyMismatchError(currency, amount.currency)
  if (!Number.isSafeInteger(amount.amount) || amount.amount < 0) {
    throw new InvalidArgumentError(`${what} must not be negative, got ${amount.amount}`)
  }
}

function applyLineDiscount(
  discount: Extract<AppliedDiscount, { scope: 'line' }>,
  byId: ReadonlyMap<string, WorkingLine>,
  currency: CurrencyCode,
): void {
  checkAmount(discount.amount, currency, `Discount ${discount.couponCode}`)
  const parts = sum(
    discount.lines.map((p) => p.amount),
    currency,
  )
  if (parts.amount !== discount.amount.amount) {
    throw new InvalidArgumentError(
      `Discount ${discount.couponCode} is ${discount.amount.amount} but its line parts add up to ${parts.amount}`,
    )
  }
  for (const part of discount.lines) {
    const working = byId.get(part.lineId)
    if (working === undefined) {
      throw new InvalidArgumentError(
        `Discount ${discount.couponCode} names unknown line ${part.lineId}`,
      )
    }
    checkAmount(part.amount, currency, `Discount ${discount.couponCode}`)
    if (part.amount.amount > working.remaining.amount) {
      throw new InvalidArgumentError(
        `Discount ${discount.couponCode} takes ${part.amount.amount} off line ${part.lineId}, which has only ${working.remaining.amount} left`,
      )
    }
    working.remaining = subtract(working.remaining, part.amount)
    working.lineDiscount = add(working.lineDiscount, part.amount)
  }
}

function applyOrderDiscount(
  discount: Extract<AppliedDiscount, { scope: 'order' }>,
  lines: readonly WorkingLine[],
  currency: CurrencyCode,
): void {
  checkAmount(discount.amount, currency, `Discount ${discount.couponCode}`)
  if (discount.amount.amount === 0) return
  const left = sum(
    lines.map((l) => l.remaining),
    currency,
  )
  if (discount.amount.amount > left.amount) {
    throw new InvalidArgumentError(
      `Discount ${discount.couponCode} is ${discount.amount.amount} but only ${left.amount} is left to discount`,
    )
  }
  // Shares follow what each line still costs; a share never exceeds its line's remainder
  // because the discount never exceeds the total remainder.
  const shares = allocate(
    discount.amount,
    lines.map((l) => l.remaining.amount),
  )
  lines.forEach((working, index) => {
    const share = shares[index] ?? zero(currency)
    working.remaining = subtract(working.remaining, share)
    working.orderDiscount = add(working.orderDiscount, share)
  })
}

/**
 * Prices a cart. Prices are tax-exclusive. Order: line subtotals; then the discounts in the
 * given order (line discounts reduce the lines they name, order discounts are split over the
 * lines in proportion to what each still costs, by largest remainder so the shares sum
 * exactly); then tax per line on the discounted amount at the line's rate, rounded half-even
 * per line; then shipping from the rule on the discounted merchandise total, zeroed by a
 * free-shipping discount. Shipping is not taxed. Any amount in another currency throws
 * `CurrencyMismatchError`; a discount larger than what it applies to throws `InvalidArgumentError`.
 */
export function priceCart(input: PriceCartInput): CartTotals {
  const { currency } = input
  const nothing = zero(currency)
  const byId = new Map<string, WorkingLine>()
  const lines: WorkingLine[] = input.lines.map((line) => {
    assertSameCurrency(nothing, line.unitPrice)
    if (byId.has(line.lineId))
      throw new InvalidArgumentError(`Line ${line.lineId} appears twice in the cart`)
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new InvalidArgumentError(
        `Line ${line.lineId} must have a quantity of at least 1, got ${line.quantity}`,
      )
    }
    checkAmount(line.unitPrice, currency, `Unit price of line ${line.lineId}`)
    const subtotal = multiply(line.unitPrice, line.quantity)
    const working = {
      line,
      subtotal,
      remaining: subtotal,
      lineDiscount: nothing,
      orderDiscount: nothing,
    }
    byId.set(line.lineId, working)
    return working
  })

  let freeShipping = false
  for (const discount of input.discounts) {
    if (discount.scope === 'line') applyLineDiscount(discount, byId, currency)
    else if (discount.scope === 'order') applyOrderDiscount(discount, lines, currency)
    else freeShipping = true
  }

  const priced: PricedLine[] = lines.map(
    ({ line, subtotal, remaining, lineDiscount, orderDiscount }) => {
      const rate = taxRateFor(input.tax, line.taxCategory)
      const tax = percentage(remaining, rate, 'half-even')
      return {
        lineId: line.lineId,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        subtotal,
        lineDiscount,
        orderDiscount,
        discountedSubtotal: remaining,
        taxRateBasisPoints: rate,
        tax,
        total: add(remaining, tax),
      }
    },
  )

  const subtotal = sum(
    priced.map((l) => l.subtotal),
    currency,
  )
  const discountedSubtotal = sum(
    priced.map((l) => l.discountedSubtotal),
    currency,
  )
  const itemCount = priced.reduce((count, l) => count + l.quantity, 0)
  const shipping = quoteShipping(input.shipping, discountedSubtotal, itemCount)
  const shippingDiscount = freeShipping ? shipping : nothing
  const taxTotal = sum(
    priced.map((l) => l.tax),
    currency,
  )
  // Only the first free-shipping coupon is credited with the saving, so the summary adds up.
  const firstShipping = input.discounts.findIndex((d) => d.scope === 'shipping')
  const discounts: DiscountSummary[] = input.discounts.map((d, index) => ({
    couponCode: d.couponCode,
    scope: d.scope,
    amount:
      d.scope !== 'shipping' ? d.amount : index === firstShipping ? shippingDiscount : nothing,
  }))
  return {
    currency,
    lines: priced,
    discounts,
    subtotal,
    discountTotal: subtract(subtotal, discountedSubtotal),
    discountedSubtotal,
    shipping,
    shippingDiscount,
    taxTotal,
    grandTotal: sum([discountedSubtotal, subtract(shipping, shippingDiscount), taxTotal], currency),
  }
}
