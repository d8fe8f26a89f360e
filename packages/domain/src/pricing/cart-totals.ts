import { z } from 'zod'
import { CurrencyCodeSchema, MoneySchema } from '../money'

/** One priced line: what it costs before and after discounts, and its tax. */
export const PricedLineSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: MoneySchema,
  /** `unitPrice × quantity`. */
  subtotal: MoneySchema,
  /** Discounts from coupons restricted to this line's SKU or categories. */
  lineDiscount: MoneySchema,
  /** This line's share of order-wide discounts (shares sum exactly to the order discount). */
  orderDiscount: MoneySchema,
  /** `subtotal − lineDiscount − orderDiscount`, never negative; tax is charged on this. */
  discountedSubtotal: MoneySchema,
  taxRateBasisPoints: z.number().int().nonnegative(),
  /** Tax on `discountedSubtotal`, rounded half-even to a minor unit on this line. */
  tax: MoneySchema,
  /** `discountedSubtotal + tax`. */
  total: MoneySchema,
})

/** One coupon's effect on the cart. */
export const DiscountSummarySchema = z.object({
  couponCode: z.string(),
  scope: z.enum(['line', 'order', 'shipping']),
  amount: MoneySchema,
})

/** What the API returns for a priced cart; every amount is in `currency`. */
export const CartTotalsSchema = z.object({
  currency: CurrencyCodeSchema,
  lines: z.array(PricedLineSchema),
  discounts: z.array(DiscountSummarySchema),
  /** Sum of line subtotals, before discounts. */
  subtotal: MoneySchema,
  /** Line-level plus order-level discounts (shipping discounts are in `shippingDiscount`). */
  discountTotal: MoneySchema,
  /** `subtotal − discountTotal`. */
  discountedSubtotal: MoneySchema,
  /** Shipping fee from the shipping rule. */
  shipping: MoneySchema,
  /** The part of `shipping` a free-shipping coupon removes. */
  shippingDiscount: MoneySchema,
  /** Sum of the per-line taxes. */
  taxTotal: MoneySchema,
  /** `discountedSubtotal + shipping − shippingDiscount + taxTotal`. */
  grandTotal: MoneySchema,
})

/** One priced line (see `PricedLineSchema`). */
export type PricedLine = z.infer<typeof PricedLineSchema>
/** One coupon's effect on the cart (see `DiscountSummarySchema`). */
export type DiscountSummary = z.infer<typeof DiscountSummarySchema>
/** What the API returns for a priced cart (see `CartTotalsSchema`). */
export type CartTotals = z.infer<typeof CartTotalsSchema>
