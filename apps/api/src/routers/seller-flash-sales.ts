import { TRPCError } from '@trpc/server'
import { sellerVariantAvailable } from '@emporium/db'
import { FlashSaleInput, FlashSaleView } from '@emporium/domain'
import { closeFlashSale, flashSaleUnits, openFlashSale } from '@emporium/infra'
import type { Context } from '../context'
import { router, sellerProcedure } from '../trpc'

/** Units the seller's variant has available now; NOT_FOUND when it is not in their store. */
async function ownAvailable(ctx: Context, sellerId: string, variantId: string): Promise<number> {
  const available = await sellerVariantAvailable(ctx.db, sellerId, variantId)
  if (available === null)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such product variant in your store.' })
  return available
}

/**
 * Flash-sale mode for the seller's own variants: while it is on, checkouts of the variant pass a
 * Redis admission gate holding its sellable units before they reach Postgres, so buyers beyond
 * those units are told "sold out" at once.
 */
export const sellerFlashSalesRouter = router({
  /** Opens (or resets) the variant's gate with the units available to sell now; returns them. */
  startFlashSale: sellerProcedure
    .input(FlashSaleInput)
    .output(FlashSaleView)
    .mutation(async ({ ctx, input }) => {
      const units = await ownAvailable(ctx, ctx.seller.id, input.variantId)
      if (units <= 0) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'Nothing of this variant is available to sell; receive stock first.',
        })
      }
      // Units reserved a moment later make the gate admit a few buyers Postgres then refuses:
      // Postgres stays the judge, the gate only keeps the crowd away from it.
      await openFlashSale(ctx.redis, input.variantId, units)
      return { variantId: input.variantId, open: true, units }
    }),

  /** Ends the variant's flash sale: checkouts go straight to Postgres again. */
  endFlashSale: sellerProcedure
    .input(FlashSaleInput)
    .output(FlashSaleView)
    .mutation(async ({ ctx, input }) => {
      await ownAvailable(ctx, ctx.seller.id, input.variantId)
      await closeFlashSale(ctx.redis, input.variantId)
      return { variantId: input.variantId, open: false, units: null }
    }),

  /** Whether the variant is in flash-sale mode, and how many units its gate can still admit. */
  getFlashSale: sellerProcedure
    .input(FlashSaleInput)
    .output(FlashSaleView)
    .query(async ({ ctx, input }) => {
      await ownAvailable(ctx, ctx.seller.id, input.variantId)
      const units = await flashSaleUnits(ctx.redis, input.variantId)
      return { variantId: input.variantId, open: units !== null, units }
    }),
})
