import { z } from 'zod'
import { MoneySchema } from '../money'

/** Zod schema for one line of a cart as the pricing rules see it. */
export const CartLineSchema = z.object({
  lineId: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.number().int().positive({ error: 'Quantity must be at least 1' }),
  /** Price of one unit in the cart's currency, before tax (prices are tax-exclusive). */
  unitPrice: MoneySchema,
  /** Until this instant the shopper keeps `unitPrice` even if the catalogue price moves. */
  lockedUntil: z.iso.datetime({ offset: true }).optional(),
  /** Picks a category-specific tax rate; the region's standard rate applies without one. */
  taxCategory: z.string().min(1).optional(),
  /** Catalogue categories, used by coupons restricted to categories. */
  categories: z.array(z.string().min(1)).optional(),
})

/** One line of a cart as the pricing rules see it. */
export type CartLine = z.infer<typeof CartLineSchema>
