import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { changeSellerPrices } from '@emporium/db'
import { isDomainError, money, MoneySchema } from '@emporium/domain'
import {
  applyPriceChange,
  BulkPriceChangeInput,
  ImportProductsInput,
  ImportResult,
  ImportStatus,
} from '@emporium/domain/catalog'
import { importProducts, readImportStatus } from '../seller-catalog/import-products'
import { invalidateProducts, productIdsOfSkus } from '../seller-catalog/invalidate-caches'
import { router, sellerProcedure } from '../trpc'

const PriceChangeResult = z.object({
  changed: z.number().int(),
  prices: z.array(z.object({ sku: z.string(), before: MoneySchema, after: MoneySchema })),
})

/** Bulk work on a seller's own catalog: imports and price changes. */
export const sellerProductBulkRouter = router({
  /**
   * Imports products from CSV text or a JSON array, each row on its own, so bad rows are reported
   * and skipped while good rows are saved. Pass `importId` to follow progress with `importStatus`.
   */
  importProducts: sellerProcedure
    .input(ImportProductsInput)
    .output(ImportResult)
    .mutation(({ ctx, input }) => importProducts(ctx, ctx.seller.id, input)),

  /** How far one of the caller's imports has got. */
  importStatus: sellerProcedure
    .input(z.object({ importId: z.uuid('No such import') }))
    .output(ImportStatus)
    .query(({ ctx, input }) => readImportStatus(ctx, ctx.seller.id, input.importId)),

  /**
   * Changes prices in one currency by a percentage or an amount, for listed SKUs or a filter of
   * the seller's products: all of them or, if any would go below zero or a SKU is unknown, none.
   */
  bulkChangePrices: sellerProcedure
    .input(BulkPriceChangeInput)
    .output(PriceChangeResult)
    .mutation(async ({ ctx, input }) => {
      const { currency, change } = input
      const result = await changeSellerPrices(
        ctx.db,
        { sellerId: ctx.seller.id, currency, selection: input.target },
        (rows) => {
          const refusals: string[] = []
          const amounts = rows.map((row) => {
            try {
              return applyPriceChange(money(row.amountMinor, currency), change).amount
            } catch (error) {
              if (!isDomainError(error)) throw error
              refusals.push(`${row.sku}: ${error.message}`)
              return row.amountMinor
            }
          })
          if (refusals.length > 0)
            throw new TRPCError({
              code: 'BAD_REQUEST',
              message: `No price was changed; prices may not go below zero. ${refusals.join('; ')}.`,
            })
          return amounts
        },
      )
      if ('missing' in result)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No price was changed; these SKUs have no ${currency} price in your store: ${result.missing.join(', ')}.`,
        })
      const changed = result.changed.filter((c) => c.before !== c.after)
      await invalidateProducts(
        ctx,
        await productIdsOfSkus(
          ctx.db,
          changed.map((c) => c.sku),
        ),
      )
      return {
        changed: changed.length,
        prices: result.changed.map((c) => ({
          sku: c.sku,
          before: money(c.before, currency),
          after: money(c.after, currency),
        })),
      }
    }),
})
