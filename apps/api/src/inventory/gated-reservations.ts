import {
  releaseReservation,
  reserveStock,
  type Db,
  type ReserveStockInput,
  type SettledReservation,
} from '@emporium/db'
import { reserveThroughGate, returnUnits, type Redis } from '@emporium/infra'

/**
 * Reserves stock, passing flash-sale SKUs through their Redis gate first: buyers beyond the sale's
 * units are told "sold out" at once, without a database round trip; units of a reservation that
 * then fails in Postgres (or was already held by the same owner) go back to the gate.
 */
export function reserveStockGated(db: Db, redis: Redis, input: ReserveStockInput) {
  return reserveThroughGate(redis, input.lines, () => reserveStock(db, input))
}

/** Releases an owner's reservations and gives flash-sale units back to their gates. */
export async function releaseReservationGated(
  db: Db,
  redis: Redis,
  ownerKey: string,
): Promise<SettledReservation[]> {
  const released = await releaseReservation(db, ownerKey)
  for (const r of released) await returnUnits(redis, r.variantId, r.quantity)
  return released
}
