import {
  CartTotalsSchema,
  CouponRefusalSchema,
  LockedExchangeRateSchema,
  MoneySchema,
} from '@emporium/domain'
import { z } from 'zod'
import { CART_CURRENCIES, MAX_LINE_QUANTITY } from './cart-settings'

const VariantId = z.uuid({ error: 'Unknown product variant' })
const Quantity = z
  .number({ error: 'Quantity must be a whole number' })
  .int({ error: 'Quantity must be a whole number' })
  .max(MAX_LINE_QUANTITY, { error: `Quantity must be at most ${MAX_LINE_QUANTITY}` })

/** A currency a cart can be in. */
export const CartCurrencySchema = z.enum(CART_CURRENCIES, {
  error: `Currency must be one of ${CART_CURRENCIES.join(', ')}`,
})

/** Input of `cart.addLine`; `currency` is used only when this creates the cart. */
export const AddLineInput = z.object({
  variantId: VariantId,
  quantity: Quantity.min(1, { error: 'Quantity must be at least 1' }),
  currency: CartCurrencySchema.optional(),
})

/** Input of `cart.updateLine`: the new quantity (0 removes the line). */
export const UpdateLineInput = z.object({
  variantId: VariantId,
  quantity: Quantity.min(0, { error: 'Quantity cannot be negative' }),
})

/** Input naming one coupon code (shared with the web's coupon form). */
export { CouponCodeInput } from '@emporium/domain'

/** Input of `cart.setShippingRegion`: a country (`DE`) or subdivision (`US-NY`) code. */
export const ShippingRegionInput = z.object({
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
      error: 'Region must be a country code such as DE or a subdivision such as US-NY',
    }),
})

const PriceChangeSchema = z.object({
  variantId: z.string(),
  sku: z.string(),
  status: z.enum(['price_changed', 'unavailable']),
  oldUnitPrice: MoneySchema,
  newUnitPrice: MoneySchema.nullable(),
})

/** One line of the cart as the shopper sees it. */
export const CartLineViewSchema = z.object({
  variantId: z.string(),
  sku: z.string(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  variantTitle: z.string().nullable(),
  imageKey: z.string().nullable(),
  quantity: z.number().int(),
  /** The price this line is charged at now (the locked one while the lock holds). */
  unitPrice: MoneySchema,
  lockedUntil: z.iso.datetime({ offset: true }),
  /** Discounted line total with tax; null for a line that can no longer be bought. */
  lineTotal: MoneySchema.nullable(),
  available: z.number().int(),
  status: z.enum(['ok', 'price_changed', 'unavailable', 'insufficient_stock']),
})

/** The whole cart: lines, price changes to acknowledge, coupons, totals and checkout readiness. */
export const CartViewSchema = z.object({
  id: z.string().nullable(),
  currency: z.string(),
  exchangeRate: LockedExchangeRateSchema.nullable(),
  shippingRegion: z.string().nullable(),
  lines: z.array(CartLineViewSchema),
  priceChanges: z.array(PriceChangeSchema),
  couponCodes: z.array(z.string()),
  couponRefusals: z.array(CouponRefusalSchema),
  totals: CartTotalsSchema,
  checkout: z.object({ ready: z.boolean(), blockers: z.array(z.string()) }),
})

export type CartView = z.infer<typeof CartViewSchema>
export type CartLineView = z.infer<typeof CartLineViewSchema>
