import { z } from 'zod'
import { CurrencyCodeSchema } from '../money'
import { CartLineSchema } from './cart-line'
import { LockedExchangeRateSchema } from './exchange-rate'

/**
 * A shopper's cart: lines priced in `currency`, the coupon codes entered, and — when the shop's
 * catalogue currency differs from `currency` — the exchange rate locked when the cart was made.
 */
export const CartSchema = z.object({
  id: z.string().min(1),
  currency: CurrencyCodeSchema,
  lines: z.array(CartLineSchema),
  couponCodes: z.array(z.string().min(1)),
  exchangeRate: LockedExchangeRateSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
})

/** A shopper's cart (see `CartSchema`). */
export type Cart = z.infer<typeof CartSchema>
