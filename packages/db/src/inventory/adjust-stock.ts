import { availableToSell } from '@emporium/domain'
import { sql } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'

/** Available units at or below which stock counts as low when a level has no threshold of its own. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5

export interface AdjustStockInput {
  sellerId: string
  variantId: string
  warehouseId: number
  /** Change of on_hand (positive = received); exactly one of `delta` and `setOnHand`. */
  delta?: number
  /** New on_hand after a stock count. */
  setOnHand?: number
  /** Chosen by the caller; a retry with the same key is applied once. */
  idempotencyKey: string
  reason: 'restock' | 'adjustment' | 'return'
  /** Optionally sets this level's low-stock threshold (null = default). */
  lowStockThreshold?: number | null
}

/** One stock row as its seller sees it. */
export interface StockLevelView {
  variantId: string
  warehouseId: number
  onHand: number
  reserved: number
  available: number
  lowStockThreshold: number
  low: boolean
}

export type AdjustStockResult =
  | {
      ok: true
      applied: boolean
      level: StockLevelView
      /** Change of on_hand made by this call (0 when the key was applied before). */
      onHandDelta: number
    }
  | { ok: false; code: 'NOT_FOUND'; message: string }
  | { ok: false; code: 'BELOW_RESERVED'; message: string; reserved: number }

/** Payload of the `stock.low` outbox event (aggregate: the seller). */
export interface StockLowEvent {
  sellerId: string
  variantId: string
  sku: string
  warehouseId: number
  warehouseCode: string
  available: number
  threshold: number
}

function view(l: {
  variant_id: string
  warehouse_id: number
  on_hand: number
  reserved: number
  low_stock_threshold: number | null
}): StockLevelView {
  const available = availableToSell(l.on_hand, l.reserved)
  const threshold = l.low_stock_threshold ?? DEFAULT_LOW_STOCK_THRESHOLD
  return {
    variantId: l.variant_id,
    warehouseId: l.warehouse_id,
    onHand: l.on_hand,
    reserved: l.reserved,
    available,
    lowStockThreshold: threshold,
    low: available <= threshold,
  }
}

const LEVEL_COLUMNS = [
  'variant_id',
  'warehouse_id',
  'on_hand',
  'reserved',
  'low_stock_threshold',
] as const

/**
 * Changes on_hand of one of the seller's own variants in a warehouse, once per idempotency key
 * (the unique key of stock_movements decides between racing retries). Refuses to drop on_hand
 * below what is reserved. Records a movement, and a `stock.low` outbox event when available
 * falls to or below the level's threshold, in the same transaction.
 */
export async function adjustStock(db: Db, input: AdjustStockInput): Promise<AdjustStockResult> {
  if ((input.delta === undefined) === (input.setOnHand === undefined)) {
    throw new RangeError('adjustStock needs exactly one of delta and setOnHand')
  }
  const key = `adjust:${input.sellerId}:${input.idempotencyKey}`
  return db
    .transaction()
    .execute(async (trx): Promise<AdjustStockResult> => {
      const target = await trx
        .selectFrom('product_variants as v')
        .innerJoin('products as p', 'p.id', 'v.product_id')
        .crossJoin('warehouses as w')
        .select(['v.sku', 'w.code'])
        .where('v.id', '=', input.variantId)
        .where('p.seller_id', '=', input.sellerId)
        .where('w.id', '=', input.warehouseId)
        .executeTakeFirst()
      if (!target) {
        return {
          ok: false,
          code: 'NOT_FOUND',
          message: 'No such product variant or warehouse in your store.',
        }
      }
      await trx
        .insertInto('inventory_levels')
        .values({ variant_id: input.variantId, warehouse_id: input.warehouseId })
        .onConflict((oc) => oc.doNothing())
        .execute()
      const level = await trx
        .selectFrom('inventory_levels')
        .select(LEVEL_COLUMNS)
        .where('variant_id', '=', input.variantId)
        .where('warehouse_id', '=', input.warehouseId)
        .forUpdate()
        .executeTakeFirstOrThrow()
      const onHand = input.setOnHand ?? level.on_hand + (input.delta ?? 0)
      const delta = onHand - level.on_hand
      const movement = await trx
        .insertInto('stock_movements')
        .values({
          variant_id: input.variantId,
          warehouse_id: input.warehouseId,
          on_hand_delta: delta,
          reason: input.reason,
          idempotency_key: key,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst()
      // Already applied by an earlier call with this key: report the level as it is now.
      if (!movement) return { ok: true, applied: false, level: view(level), onHandDelta: 0 }
      if (onHand < level.reserved) {
        // Nothing may stay behind: the movement row goes with the rollback.
        throw new BelowReservedRefusal(level.reserved, onHand)
      }
      const updated = await trx
        .updateTable('inventory_levels')
        .set((eb) => ({
          on_hand: onHand,
          version: eb('version', '+', 1),
          updated_at: sql<Date>`now()`,
          ...(input.lowStockThreshold !== undefined
            ? { low_stock_threshold: input.lowStockThreshold }
            : {}),
        }))
        .where('variant_id', '=', input.variantId)
        .where('warehouse_id', '=', input.warehouseId)
        .returning(LEVEL_COLUMNS)
        .executeTakeFirstOrThrow()
      const before = view(level)
      const after = view(updated)
      if (after.low && after.available < before.available) {
        const payload: StockLowEvent = {
          sellerId: input.sellerId,
          variantId: input.variantId,
          sku: target.sku,
          warehouseId: input.warehouseId,
          warehouseCode: target.code,
          available: after.available,
          threshold: after.lowStockThreshold,
        }
        await recordOutboxEvent(trx, {
          aggregateType: 'seller',
          aggregateId: input.sellerId,
          eventType: 'stock.low',
          payload,
        })
      }
      return { ok: true, applied: true, level: after, onHandDelta: delta }
    })
    .catch((error: unknown) => {
      if (error instanceof BelowReservedRefusal) {
        return {
          ok: false,
          code: 'BELOW_RESERVED',
          reserved: error.reserved,
          message:
            error.onHand < 0
              ? `On hand cannot go below 0 (this change would make it ${error.onHand}).`
              : `On hand cannot drop to ${error.onHand}: ${error.reserved} units are reserved by open checkouts.`,
        }
      }
      throw error
    })
}

/** Thrown inside the transaction so it rolls back; turned into a typed result outside. */
class BelowReservedRefusal extends Error {
  constructor(
    readonly reserved: number,
    readonly onHand: number,
  ) {
    super('below reserved')
  }
}
