import { sql } from 'kysely'
import type { Db } from '../client'
import { recordLowStockAfterSale, type SoldLevel } from './low-stock-alerts'

/** Units a release, expiry or commit took out of `reserved` (for returning them to a flash-sale gate). */
export interface SettledReservation {
  reservationId: string
  ownerKey: string
  variantId: string
  warehouseId: number
  quantity: number
}

type Settle = 'released' | 'expired' | 'committed'

/**
 * Settles the given active reservation rows (already locked by the caller): locks their stock rows
 * in primary-key order, lowers `reserved` (and `on_hand` on commit), marks the rows and records
 * one movement each.
 */
async function settle(
  trx: Db,
  rows: readonly SettledReservation[],
  outcome: Settle,
): Promise<SettledReservation[]> {
  if (rows.length === 0) return []
  const perLevel = new Map<string, { variantId: string; warehouseId: number; quantity: number }>()
  for (const r of rows) {
    const key = `${r.variantId}/${r.warehouseId}`
    const entry = perLevel.get(key) ?? {
      variantId: r.variantId,
      warehouseId: r.warehouseId,
      quantity: 0,
    }
    entry.quantity += r.quantity
    perLevel.set(key, entry)
  }
  await trx
    .selectFrom('inventory_levels')
    .select('variant_id')
    .where((eb) =>
      eb.or(
        [...perLevel.values()].map((p) =>
          eb.and([eb('variant_id', '=', p.variantId), eb('warehouse_id', '=', p.warehouseId)]),
        ),
      ),
    )
    .orderBy('variant_id')
    .orderBy('warehouse_id')
    .forUpdate()
    .execute()
  const commit = outcome === 'committed'
  const sold: SoldLevel[] = []
  for (const p of perLevel.values()) {
    const level = await trx
      .updateTable('inventory_levels')
      .set((eb) => ({
        reserved: eb('reserved', '-', p.quantity),
        ...(commit ? { on_hand: eb('on_hand', '-', p.quantity) } : {}),
        version: eb('version', '+', 1),
        updated_at: sql<Date>`now()`,
      }))
      .where('variant_id', '=', p.variantId)
      .where('warehouse_id', '=', p.warehouseId)
      .returning(['on_hand', 'reserved', 'low_stock_threshold'])
      .executeTakeFirstOrThrow()
    if (commit) {
      sold.push({
        variantId: p.variantId,
        warehouseId: p.warehouseId,
        onHand: level.on_hand,
        reserved: level.reserved,
        lowStockThreshold: level.low_stock_threshold,
        sold: p.quantity,
      })
    }
  }
  // A sale that takes a level to its threshold tells the seller (a release or expiry never does).
  await recordLowStockAfterSale(trx, sold)
  await trx
    .updateTable('reservations')
    .set({ status: outcome, updated_at: sql<Date>`now()` })
    .where(
      'id',
      'in',
      rows.map((r) => r.reservationId),
    )
    .execute()
  await trx
    .insertInto('stock_movements')
    .values(
      rows.map((r) => ({
        variant_id: r.variantId,
        warehouse_id: r.warehouseId,
        reserved_delta: -r.quantity,
        on_hand_delta: commit ? -r.quantity : 0,
        reason: commit ? ('commit' as const) : ('release' as const),
        reservation_id: r.reservationId,
        // One settlement per reservation, whatever races: a second one would violate this key.
        idempotency_key: `settle:${r.reservationId}`,
      })),
    )
    .execute()
  return [...rows]
}

function lockActiveOf(trx: Db, ownerKey: string): Promise<SettledReservation[]> {
  return trx
    .selectFrom('reservations')
    .select([
      'id as reservationId',
      'owner_key as ownerKey',
      'variant_id as variantId',
      'warehouse_id as warehouseId',
      'quantity',
    ])
    .where('owner_key', '=', ownerKey)
    .where('status', '=', 'active')
    .orderBy('id')
    .forUpdate()
    .execute()
}

/** Gives an owner's active reservations back to stock; returns what it released (empty when nothing was active). */
export function releaseReservation(
  db: Db,
  ownerKey: string,
  reason: 'released' | 'expired' = 'released',
): Promise<SettledReservation[]> {
  return db
    .transaction()
    .execute(async (trx) => settle(trx, await lockActiveOf(trx, ownerKey), reason))
}

/** What commitReservation did: shipped units, or why there was nothing to commit. */
export interface CommitResult {
  outcome: 'committed' | 'already_committed' | 'nothing_active'
  lines: SettledReservation[]
}

/** Turns an owner's active reservations into sold stock (on_hand and reserved both drop); idempotent. */
export function commitReservation(db: Db, ownerKey: string): Promise<CommitResult> {
  return db.transaction().execute(async (trx) => {
    const lines = await settle(trx, await lockActiveOf(trx, ownerKey), 'committed')
    if (lines.length > 0) return { outcome: 'committed', lines }
    const committed = await trx
      .selectFrom('reservations')
      .select('id')
      .where('owner_key', '=', ownerKey)
      .where('status', '=', 'committed')
      .executeTakeFirst()
    return { outcome: committed ? 'already_committed' : 'nothing_active', lines: [] }
  })
}

/**
 * Releases up to `limit` active reservations that expired by `now`, skipping rows another expirer
 * or a concurrent release holds; returns what it released (fewer than `limit` means caught up).
 */
export function expireReservations(
  db: Db,
  now: Date,
  limit: number,
): Promise<SettledReservation[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('reservations')
      .select([
        'id as reservationId',
        'owner_key as ownerKey',
        'variant_id as variantId',
        'warehouse_id as warehouseId',
        'quantity',
      ])
      .where('status', '=', 'active')
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute()
    return settle(trx, due, 'expired')
  })
}

/**
 * Keeps an owner's active reservations until at least `until` (an order held for review waits
 * longer than a checkout normally does); never shortens them. Returns how many it extended.
 */
export async function extendReservation(db: Db, ownerKey: string, until: Date): Promise<number> {
  const result = await db
    .updateTable('reservations')
    .set({ expires_at: until })
    .where('owner_key', '=', ownerKey)
    .where('status', '=', 'active')
    .where('expires_at', '<', until)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
