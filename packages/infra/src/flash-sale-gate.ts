import type { Redis } from 'ioredis'

/** Redis key holding the units a flash sale may still admit for a variant. */
export function flashSaleKey(variantId: string): string {
  return `flash-sale:{${variantId}}:units`
}

// Atomic check-and-take: decrement only when enough units remain. -1 = no sale open for the SKU.
const ADMIT = `
local units = redis.call('GET', KEYS[1])
if not units then return -1 end
units = tonumber(units)
local qty = tonumber(ARGV[1])
if units < qty then return -2 end
return redis.call('DECRBY', KEYS[1], qty)
`

// Puts units back only while the sale is open (a closed sale must not be reopened by a late release).
const RETURN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('INCRBY', KEYS[1], tonumber(ARGV[1]))
`

// Moves an open gate by a stock change (a closed sale stays closed): growth never lifts it above
// ARGV[2] (units Postgres has available) nor lowers it, shrinking never takes it below 0.
const RESIZE = `
local units = redis.call('GET', KEYS[1])
if not units then return -1 end
units = tonumber(units)
local delta = tonumber(ARGV[1])
local resized
if delta >= 0 then
  resized = math.max(units, math.min(units + delta, tonumber(ARGV[2])))
else
  resized = math.max(0, units + delta)
end
redis.call('SET', KEYS[1], resized)
return resized
`

/** Outcome of an admission attempt. */
export type Admission =
  | { admitted: true; remaining: number }
  | { admitted: false; reason: 'sold_out' }
  | { admitted: false; reason: 'no_sale' }

function quantity(qty: number): number {
  if (!Number.isSafeInteger(qty) || qty < 1)
    throw new RangeError(`Quantity must be a whole number ≥ 1, got ${qty}`)
  return qty
}

/** Opens (or resets) a flash sale of `units` for a variant: from now on buyers pass the gate first. */
export async function openFlashSale(redis: Redis, variantId: string, units: number): Promise<void> {
  if (!Number.isSafeInteger(units) || units < 0)
    throw new RangeError(`Units must be a whole number ≥ 0, got ${units}`)
  await redis.set(flashSaleKey(variantId), units)
}

/** Ends a variant's flash sale; buyers go straight to the database again. */
export async function closeFlashSale(redis: Redis, variantId: string): Promise<void> {
  await redis.del(flashSaleKey(variantId))
}

/** Takes `qty` units from the gate in one atomic step, or says at once that the sale is sold out. */
export async function admit(redis: Redis, variantId: string, qty: number): Promise<Admission> {
  const left = (await redis.eval(ADMIT, 1, flashSaleKey(variantId), quantity(qty))) as number
  if (left === -1) return { admitted: false, reason: 'no_sale' }
  if (left === -2) return { admitted: false, reason: 'sold_out' }
  return { admitted: true, remaining: left }
}

/** Gives units back to an open gate (reservation released, expired or failed); no-op without a sale. */
export async function returnUnits(redis: Redis, variantId: string, qty: number): Promise<void> {
  await redis.eval(RETURN, 1, flashSaleKey(variantId), quantity(qty))
}

/**
 * Adds `delta` units to an open gate (stock received while the sale runs) or removes them (stock
 * written off), never above `ceiling` nor below 0. Returns the gate's units, or null when no sale
 * is open (nothing changes then).
 */
export async function resizeFlashSale(
  redis: Redis,
  variantId: string,
  delta: number,
  ceiling: number,
): Promise<number | null> {
  if (!Number.isSafeInteger(delta) || !Number.isSafeInteger(ceiling))
    throw new RangeError(`Units must be whole numbers, got ${delta} and ${ceiling}`)
  const units = (await redis.eval(RESIZE, 1, flashSaleKey(variantId), delta, ceiling)) as number
  return units === -1 ? null : units
}

/** Units the gate can still admit, or null when the variant has no flash sale open. */
export async function flashSaleUnits(redis: Redis, variantId: string): Promise<number | null> {
  const units = await redis.get(flashSaleKey(variantId))
  return units === null ? null : Number(units)
}

/** Units each variant's gate can still admit, for the variants that have a flash sale open. */
export async function flashSaleUnitsOf(
  redis: Redis,
  variantIds: readonly string[],
): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map()
  // One GET per key in a pipeline: the keys live in different hash slots.
  const pipeline = redis.pipeline()
  for (const id of variantIds) pipeline.get(flashSaleKey(id))
  const replies = (await pipeline.exec()) ?? []
  const units = new Map<string, number>()
  variantIds.forEach((id, i) => {
    const [error, value] = replies[i] ?? [new Error('no reply'), null]
    if (error) throw error
    if (typeof value === 'string') units.set(id, Number(value))
  })
  return units
}

/** A reservation attempt as the gate sees it: which lines it wants and whether it really reserved. */
export interface GatedLine {
  variantId: string
  quantity: number
}

/**
 * Runs `reserve` behind the flash-sale gates of its lines: every line whose variant has a sale open
 * must be admitted first, else the buyer is told "sold out" without touching the database. When
 * `reserve` refuses, throws, or finds an earlier reservation (`created: false`), the admitted units
 * go back to the gate.
 */
export async function reserveThroughGate<R extends { ok: boolean; created?: boolean }>(
  redis: Redis,
  lines: readonly GatedLine[],
  reserve: () => Promise<R>,
): Promise<R | { ok: false; code: 'SOLD_OUT'; soldOut: string[]; message: string }> {
  const perVariant = new Map<string, number>()
  for (const l of lines)
    perVariant.set(l.variantId, (perVariant.get(l.variantId) ?? 0) + l.quantity)
  const taken: GatedLine[] = []
  const giveBack = () => Promise.all(taken.map((t) => returnUnits(redis, t.variantId, t.quantity)))
  for (const [variantId, qty] of perVariant) {
    const admission = await admit(redis, variantId, qty)
    if (admission.admitted) taken.push({ variantId, quantity: qty })
    else if (admission.reason === 'sold_out') {
      await giveBack()
      return {
        ok: false,
        code: 'SOLD_OUT',
        soldOut: [variantId],
        message: 'Sold out: every unit of this flash sale is taken.',
      }
    }
  }
  let result: R
  try {
    result = await reserve()
  } catch (error) {
    await giveBack()
    throw error
  }
  if (!result.ok || result.created === false) await giveBack()
  return result
}
