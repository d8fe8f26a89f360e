import { z } from 'zod'
import {
  AddLineInput,
  CartCurrencySchema,
  CartViewSchema,
  CouponCodeInput,
  ShippingRegionInput,
  UpdateLineInput,
} from '@emporium/cart'
import {
  acknowledgePriceChanges,
  addLine,
  applyCoupon,
  getCart,
  removeCoupon,
  removeLine,
  setCurrency,
  setShippingRegion,
  updateLine,
} from '../cart/cart-service'
import { publicProcedure, router } from '../trpc'

const VariantInput = z.object({ variantId: z.uuid({ error: 'Unknown product variant' }) })

/** The shopping cart, for guests (cart cookie) and signed-in users alike. */
export const cartRouter = router({
  /** The caller's cart with current prices, price changes to review, coupons and totals. */
  get: publicProcedure.output(CartViewSchema).query(({ ctx }) => getCart(ctx)),

  /** Creates the cart in a currency, or switches a cart that is still empty to it. */
  setCurrency: publicProcedure
    .input(z.object({ currency: CartCurrencySchema }))
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => setCurrency(ctx, input.currency)),

  /** Adds units of a variant at today's price, locked for a while; capped by stock. */
  addLine: publicProcedure
    .input(AddLineInput)
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => addLine(ctx, input)),

  /** Sets a line's quantity; 0 removes it. */
  updateLine: publicProcedure
    .input(UpdateLineInput)
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => updateLine(ctx, input)),

  /** Removes a line. */
  removeLine: publicProcedure
    .input(VariantInput)
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => removeLine(ctx, input.variantId)),

  /** Accepts the reported price changes so the cart can go to checkout. */
  acknowledgePriceChanges: publicProcedure
    .output(CartViewSchema)
    .mutation(({ ctx }) => acknowledgePriceChanges(ctx)),

  /** Enters a coupon code; refused coupons come back as errors saying why. */
  applyCoupon: publicProcedure
    .input(CouponCodeInput)
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => applyCoupon(ctx, input.code)),

  /** Removes a coupon code. */
  removeCoupon: publicProcedure
    .input(CouponCodeInput)
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => removeCoupon(ctx, input.code)),

  /** Sets where the order ships, which decides the tax rate. */
  setShippingRegion: publicProcedure
    .input(ShippingRegionInput)
    .output(CartViewSchema)
    .mutation(({ ctx, input }) => setShippingRegion(ctx, input.region)),
})
