import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { adjustStock, listInventory, listLowStockAlerts, listStockMovements } from '@emporium/db'
import {
  AdjustStockInput,
  AdjustStockResultView,
  InventoryCursor,
  InventoryRowView,
  ListInventoryInput,
  ListLowStockAlertsInput,
  ListStockMovementsInput,
  LowStockAlertView,
  StockMovementView,
} from '@emporium/domain'
import { flashSaleUnitsOf } from '@emporium/infra'
import { moveFlashSaleGate } from '../inventory/flash-sale-adjustment'
import { router, sellerProcedure } from '../trpc'

/** Stock of the caller's own store: adjustments, the ledger and low-stock alerts. */
export const sellerInventoryRouter = router({
  /**
   * Changes on-hand stock of one of the seller's variants in a warehouse; a retry with the same key
   * applies once. A running flash sale of the variant gains (or loses) the same units.
   */
  adjustStock: sellerProcedure
    .input(AdjustStockInput)
    .output(AdjustStockResultView)
    .mutation(async ({ ctx, input }) => {
      const result = await adjustStock(ctx.db, { ...input, sellerId: ctx.seller.id })
      if (result.ok) {
        // After the commit, and only by the call that applied it: a retry moves no gate twice.
        if (result.applied) {
          await moveFlashSaleGate(ctx.db, ctx.redis, {
            sellerId: ctx.seller.id,
            variantId: input.variantId,
            onHandDelta: result.onHandDelta,
          })
        }
        return { applied: result.applied, level: result.level }
      }
      throw new TRPCError({
        code: result.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'CONFLICT',
        message: result.message,
      })
    }),

  /** The seller's stock per variant and warehouse, with a low-stock flag. */
  listInventory: sellerProcedure
    .input(ListInventoryInput)
    .output(z.object({ items: z.array(InventoryRowView), next: InventoryCursor.nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await listInventory(ctx.db, ctx.seller.id, input)
      const gates = await flashSaleUnitsOf(ctx.redis, [...new Set(rows.map((r) => r.variantId))])
      const items = rows.map((r) => ({ ...r, flashSaleUnits: gates.get(r.variantId) ?? null }))
      const last = items.at(-1)
      return {
        items,
        next:
          items.length === input.limit && last
            ? { sku: last.sku, warehouseId: last.warehouseId }
            : null,
      }
    }),

  /** The seller's stock movements, newest first; pass `nextBeforeId` back as `beforeId` for older ones. */
  listStockMovements: sellerProcedure
    .input(ListStockMovementsInput)
    .output(
      z.object({ items: z.array(StockMovementView), nextBeforeId: z.number().int().nullable() }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listStockMovements(ctx.db, ctx.seller.id, input)
      return {
        items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        nextBeforeId: rows.length === input.limit ? (rows.at(-1)?.id ?? null) : null,
      }
    }),

  /** Low-stock alerts raised for the seller's stock, newest first. */
  listLowStockAlerts: sellerProcedure
    .input(ListLowStockAlertsInput)
    .output(z.object({ items: z.array(LowStockAlertView) }))
    .query(async ({ ctx, input }) => {
      const rows = await listLowStockAlerts(ctx.db, ctx.seller.id, input)
      return {
        items: rows.map((r) => ({
          id: r.id,
          variantId: r.variantId,
          sku: r.sku,
          warehouseId: r.warehouseId,
          warehouseCode: r.warehouseCode,
          available: r.available,
          threshold: r.threshold,
          raisedAt: r.raisedAt.toISOString(),
        })),
      }
    }),
})
