import { availableToSell } from '@emporium/domain'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import { DEFAULT_LOW_STOCK_THRESHOLD, type StockLowEvent } from './adjust-stock'

/** A stock row just after a sale took `sold` units out of it. */
export interface SoldLevel {
  variantId: string
  warehouseId: number
  onHand: number
  reserved: number
  lowStockThreshold: number | null
  sold: number
}

/**
 * Records a `stock.low` event (aggregate: the seller) for each level that this sale pushed to or
 * below its threshold — once, on the crossing, not on every later sale while it stays low. A
 * committed sale leaves `available` as it was while reserved, so the crossing is judged against
 * what was available before these units were held. Call in the sale's transaction.
 */
export async function recordLowStockAfterSale(
  trx: Db,
  levels: readonly SoldLevel[],
): Promise<void> {
  const crossed = levels.filter((l) => {
    const threshold = l.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD
    const available = availableToSell(l.onHand, l.reserved)
    return available <= threshold && available + l.sold > threshold
  })
  if (crossed.length === 0) return
  const targets = await trx
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select(['v.id', 'v.sku', 'p.seller_id'])
    .where(
      'v.id',
      'in',
      crossed.map((l) => l.variantId),
    )
    .execute()
  const warehouses = await trx
    .selectFrom('warehouses')
    .select(['id', 'code'])
    .where(
      'id',
      'in',
      crossed.map((l) => l.warehouseId),
    )
    .execute()
  for (const l of crossed) {
    const target = targets.find((t) => t.id === l.variantId)
    const warehouse = warehouses.find((w) => w.id === l.warehouseId)
    if (!target || !warehouse) continue
    const payload: StockLowEvent = {
      sellerId: target.seller_id,
      variantId: l.variantId,
      sku: target.sku,
      warehouseId: l.warehouseId,
      warehouseCode: warehouse.code,
      available: availableToSell(l.onHand, l.reserved),
      threshold: l.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD,
    }
    await recordOutboxEvent(trx, {
      aggregateType: 'seller',
      aggregateId: target.seller_id,
      eventType: 'stock.low',
      payload,
    })
  }
}
