import { sql } from 'kysely'
import type { Db } from '../client'
import type { StockMovementReason } from '../schema'
import {
  DEFAULT_LOW_STOCK_THRESHOLD,
  type StockLevelView,
  type StockLowEvent,
} from './adjust-stock'

/** A stock row of the seller's inventory page. */
export interface InventoryRow extends StockLevelView {
  sku: string
  productName: string
  warehouseCode: string
}

/** The seller's stock per variant and warehouse, by SKU then warehouse; optionally one variant or only low rows. */
export async function listInventory(
  db: Db,
  sellerId: string,
  options: {
    variantId?: string
    lowOnly?: boolean
    limit: number
    /** Rows strictly after this (SKU, warehouse) position, for the next page. */
    after?: { sku: string; warehouseId: number }
  },
): Promise<InventoryRow[]> {
  let query = db
    .selectFrom('inventory_levels as l')
    .innerJoin('product_variants as v', 'v.id', 'l.variant_id')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
    .select([
      'l.variant_id',
      'l.warehouse_id',
      'l.on_hand',
      'l.reserved',
      'l.low_stock_threshold',
      'v.sku',
      'p.name',
      'w.code',
    ])
    .where('p.seller_id', '=', sellerId)
  if (options.variantId) query = query.where('l.variant_id', '=', options.variantId)
  const after = options.after
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('v.sku', '>', after.sku),
        eb.and([eb('v.sku', '=', after.sku), eb('l.warehouse_id', '>', after.warehouseId)]),
      ]),
    )
  }
  if (options.lowOnly) {
    query = query.where(
      sql<boolean>`l.on_hand - l.reserved <= coalesce(l.low_stock_threshold, ${DEFAULT_LOW_STOCK_THRESHOLD})`,
    )
  }
  const rows = await query.orderBy('v.sku').orderBy('l.warehouse_id').limit(options.limit).execute()
  return rows.map((r) => {
    const available = Math.max(0, r.on_hand - r.reserved)
    const threshold = r.low_stock_threshold ?? DEFAULT_LOW_STOCK_THRESHOLD
    return {
      variantId: r.variant_id,
      warehouseId: r.warehouse_id,
      onHand: r.on_hand,
      reserved: r.reserved,
      available,
      lowStockThreshold: threshold,
      low: available <= threshold,
      sku: r.sku,
      productName: r.name,
      warehouseCode: r.code,
    }
  })
}

/** One entry of the stock ledger. */
export interface StockMovementView {
  id: number
  variantId: string
  sku: string
  warehouseId: number
  warehouseCode: string
  onHandDelta: number
  reservedDelta: number
  /** On hand in the warehouse right after this movement. */
  onHandAfter: number
  reason: StockMovementReason
  createdAt: Date
}

/**
 * The seller's stock movements, newest first; `beforeId` pages on. On hand after each movement is
 * today's on hand minus the movements recorded since (every writer of on_hand records one, under
 * the level's row lock, so ids follow the order of the changes), summed by a window in the query.
 */
export async function listStockMovements(
  db: Db,
  sellerId: string,
  options: { variantId?: string; beforeId?: number; limit: number },
): Promise<StockMovementView[]> {
  // The window runs over all of the seller's movements (a variant's movements all belong to its
  // seller), before the page's cursor and limit apply, so each row sees every newer movement.
  const movements = db
    .selectFrom('stock_movements as m')
    .innerJoin('product_variants as v', 'v.id', 'm.variant_id')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select([
      'm.id',
      'm.variant_id',
      'v.sku',
      'm.warehouse_id',
      'm.on_hand_delta',
      'm.reserved_delta',
      'm.reason',
      'm.created_at',
    ])
    .select(
      sql<number>`coalesce(sum(m.on_hand_delta) over (
        partition by m.variant_id, m.warehouse_id order by m.id desc
        rows between unbounded preceding and 1 preceding), 0)::int`.as('on_hand_since'),
    )
    .where('p.seller_id', '=', sellerId)
    .$if(Boolean(options.variantId), (q) =>
      q.where('m.variant_id', '=', options.variantId as string),
    )
  let query = db
    .selectFrom(movements.as('m'))
    .innerJoin('warehouses as w', 'w.id', 'm.warehouse_id')
    .innerJoin('inventory_levels as l', (join) =>
      join
        .onRef('l.variant_id', '=', 'm.variant_id')
        .onRef('l.warehouse_id', '=', 'm.warehouse_id'),
    )
    .select([
      'm.id',
      'm.variant_id',
      'm.sku',
      'm.warehouse_id',
      'w.code',
      'm.on_hand_delta',
      'm.reserved_delta',
      'm.reason',
      'm.created_at',
    ])
    .select(sql<number>`l.on_hand - m.on_hand_since`.as('on_hand_after'))
  if (options.beforeId !== undefined) query = query.where('m.id', '<', options.beforeId)
  const rows = await query.orderBy('m.id', 'desc').limit(options.limit).execute()
  return rows.map((r) => ({
    id: r.id,
    variantId: r.variant_id,
    sku: r.sku,
    warehouseId: r.warehouse_id,
    warehouseCode: r.code,
    onHandDelta: r.on_hand_delta,
    reservedDelta: r.reserved_delta,
    onHandAfter: r.on_hand_after,
    reason: r.reason,
    createdAt: r.created_at,
  }))
}

/** A low-stock alert as the seller dashboard lists it. */
export interface LowStockAlert extends StockLowEvent {
  id: number
  raisedAt: Date
}

/** The seller's `stock.low` events, newest first. */
export async function listLowStockAlerts(
  db: Db,
  sellerId: string,
  options: { limit: number },
): Promise<LowStockAlert[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'payload', 'created_at'])
    .where('event_type', '=', 'stock.low')
    .where('aggregate_type', '=', 'seller')
    .where('aggregate_id', '=', sellerId)
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute()
  return rows.map((r) => ({ ...(r.payload as StockLowEvent), id: r.id, raisedAt: r.created_at }))
}

/**
 * Units of one of the seller's variants available to sell now, over all warehouses (0 when it has
 * no stock rows); null when the variant is not in the seller's store.
 */
export async function sellerVariantAvailable(
  db: Db,
  sellerId: string,
  variantId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .leftJoin('inventory_levels as l', 'l.variant_id', 'v.id')
    .select(sql<number>`coalesce(sum(l.on_hand - l.reserved), 0)::int`.as('available'))
    .where('v.id', '=', variantId)
    .where('p.seller_id', '=', sellerId)
    .groupBy('v.id')
    .executeTakeFirst()
  return row ? row.available : null
}
