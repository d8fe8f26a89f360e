import { allocateOrderToWarehouses, type StockShortage } from '@emporium/domain'
import { sql } from 'kysely'
import type { Db } from '../client'
import type { ReservationStatus } from '../schema'

/** One line of a reservation request: units of a variant, from any warehouse. */
export interface ReserveLine {
  variantId: string
  quantity: number
}

export interface ReserveStockInput {
  /** Who holds the stock (checkout workflow id or cart id); a retried reserve with the same key reserves nothing more. */
  ownerKey: string
  lines: readonly ReserveLine[]
  /** Region of the shipping address (`DE`, `US-NY`): warehouses in it, then in its country, then on its continent are preferred. */
  shippingRegion: string
  expiresAt: Date
}

/** Units of one variant held in one warehouse for an owner. */
export interface ReservedUnits {
  reservationId: string
  variantId: string
  warehouseId: number
  quantity: number
  expiresAt: Date
  status: ReservationStatus
}

/** A variant the warehouses cannot supply, named by SKU. */
export interface StockShortfall extends Omit<StockShortage, 'sku'> {
  variantId: string
  /** The variant's SKU, or its id when the variant does not exist. */
  sku: string
}

/** Reserved (now, or by an earlier call with the same owner key), or sold out with the SKUs short. */
export type ReserveStockResult =
  | { ok: true; created: boolean; reservations: ReservedUnits[] }
  | { ok: false; code: 'SOLD_OUT'; shortages: StockShortfall[]; message: string }

const toUnits = (r: {
  id: string
  variant_id: string
  warehouse_id: number
  quantity: number
  expires_at: Date
  status: ReservationStatus
}): ReservedUnits => ({
  reservationId: r.id,
  variantId: r.variant_id,
  warehouseId: r.warehouse_id,
  quantity: r.quantity,
  expiresAt: r.expires_at,
  status: r.status,
})

/**
 * Reserves every line or nothing, in one transaction: locks the candidate stock rows in primary-key
 * order (so concurrent multi-item checkouts cannot deadlock), allocates them to warehouses with the
 * domain rule, raises `reserved` with conditional updates and records reservations and movements.
 */
export async function reserveStock(db: Db, input: ReserveStockInput): Promise<ReserveStockResult> {
  const variantIds = [...new Set(input.lines.map((l) => l.variantId))].sort()
  return db.transaction().execute(async (trx) => {
    // Only the stock rows are locked (FOR UPDATE OF l): warehouses are read, never held.
    const levels =
      variantIds.length === 0
        ? []
        : await trx
            .selectFrom('inventory_levels as l')
            .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
            .select([
              'l.variant_id',
              'l.warehouse_id',
              'l.on_hand',
              'l.reserved',
              'w.region',
              'w.country',
            ])
            .where('l.variant_id', 'in', variantIds)
            .orderBy('l.variant_id')
            .orderBy('l.warehouse_id')
            .forUpdate('l')
            .execute()

    // Checked under the locks: a concurrent reserve of the same owner has committed by now.
    const existing = await trx
      .selectFrom('reservations')
      .select(['id', 'variant_id', 'warehouse_id', 'quantity', 'expires_at', 'status'])
      .where('owner_key', '=', input.ownerKey)
      .orderBy('variant_id')
      .orderBy('warehouse_id')
      .execute()
    if (existing.length > 0)
      return { ok: true, created: false, reservations: existing.map(toUnits) }

    const allocation = allocateOrderToWarehouses(
      input.lines.map((l) => ({ sku: l.variantId, quantity: l.quantity })),
      levels.map((l) => ({
        warehouseId: String(l.warehouse_id),
        region: l.region,
        country: l.country,
        sku: l.variant_id,
        available: Math.max(0, l.on_hand - l.reserved),
      })),
      input.shippingRegion,
    )
    if (!allocation.ok) {
      const short = allocation.error.shortages.map((s) => s.sku)
      const skus = new Map(
        (
          await trx
            .selectFrom('product_variants')
            .select(['id', 'sku'])
            .where('id', 'in', short)
            .execute()
        ).map((v) => [v.id, v.sku]),
      )
      const shortages = allocation.error.shortages.map((s) => ({
        ...s,
        variantId: s.sku,
        sku: skus.get(s.sku) ?? s.sku,
      }))
      const message = `Sold out: ${shortages
        .map((s) => `${s.sku} (${s.requested} wanted, ${s.available} left)`)
        .join('; ')}`
      return { ok: false, code: 'SOLD_OUT', shortages, message }
    }

    // Several lines of one variant may draw on the same warehouse: one reservation row per pair.
    const perLevel = new Map<string, { variantId: string; warehouseId: number; quantity: number }>()
    for (const line of allocation.lines) {
      for (const source of line.sources) {
        const key = `${line.sku}/${source.warehouseId}`
        const entry = perLevel.get(key) ?? {
          variantId: line.sku,
          warehouseId: Number(source.warehouseId),
          quantity: 0,
        }
        entry.quantity += source.quantity
        perLevel.set(key, entry)
      }
    }
    const pairs = [...perLevel.values()].sort((a, b) =>
      a.variantId === b.variantId
        ? a.warehouseId - b.warehouseId
        : a.variantId < b.variantId
          ? -1
          : 1,
    )
    for (const p of pairs) {
      const updated = await trx
        .updateTable('inventory_levels')
        .set((eb) => ({
          reserved: eb('reserved', '+', p.quantity),
          version: eb('version', '+', 1),
          updated_at: sql<Date>`now()`,
        }))
        .where('variant_id', '=', p.variantId)
        .where('warehouse_id', '=', p.warehouseId)
        .where(sql<boolean>`on_hand - reserved >= ${p.quantity}`)
        .returning('reserved')
        .executeTakeFirst()
      // The rows are locked, so this only fails if the allocation disagrees with them: a bug.
      if (!updated)
        throw new Error(`Stock of ${p.variantId} in ${p.warehouseId} changed under a lock`)
    }
    const reservations = await trx
      .insertInto('reservations')
      .values(
        pairs.map((p) => ({
          variant_id: p.variantId,
          warehouse_id: p.warehouseId,
          quantity: p.quantity,
          owner_key: input.ownerKey,
          expires_at: input.expiresAt,
        })),
      )
      .returning(['id', 'variant_id', 'warehouse_id', 'quantity', 'expires_at', 'status'])
      .execute()
    await trx
      .insertInto('stock_movements')
      .values(
        reservations.map((r) => ({
          variant_id: r.variant_id,
          warehouse_id: r.warehouse_id,
          reserved_delta: r.quantity,
          reason: 'reserve' as const,
          reservation_id: r.id,
          idempotency_key: `reserve:${r.id}`,
        })),
      )
      .execute()
    return { ok: true, created: true, reservations: reservations.map(toUnits) }
  })
}
