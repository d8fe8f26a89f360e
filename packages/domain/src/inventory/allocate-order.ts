import { InsufficientStockError, InvalidArgumentError, type StockShortage } from '../errors'
import { nearestWarehouseFirst, type RegionDistance } from './region-distance'

/** One order line as the warehouses see it. */
export interface OrderLineDemand {
  readonly sku: string
  readonly quantity: number
}

/** Units of one SKU a warehouse can ship. */
export interface StockRecord {
  readonly warehouseId: string
  readonly region: string
  /** ISO country of the warehouse, when known (tells nearness beyond an exact region match). */
  readonly country?: string | undefined
  readonly sku: string
  readonly available: number
}

/** Where one order line's units come from. */
export interface LineAllocation {
  readonly lineIndex: number
  readonly sku: string
  readonly quantity: number
  readonly sources: readonly { readonly warehouseId: string; readonly quantity: number }[]
}

/** Per-line allocations, or which SKUs are short and by how much. */
export type AllocationResult =
  | {
      readonly ok: true
      /** True when one warehouse ships the whole order. */
      readonly singleWarehouse: boolean
      /** Every warehouse that ships something, by id. */
      readonly warehouseIds: readonly string[]
      readonly lines: readonly LineAllocation[]
    }
  | { readonly ok: false; readonly error: InsufficientStockError }

interface Warehouse {
  readonly id: string
  readonly distance: number
  readonly stock: Map<string, number>
}

function units(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(`${what} must be a whole number of units, got ${value}`)
  }
  return value
}

function byId(a: Warehouse, b: Warehouse): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function warehousesFrom(
  stock: readonly StockRecord[],
  shippingRegion: string,
  distance: RegionDistance,
): Warehouse[] {
  const regions = new Map<string, string>()
  const warehouses = new Map<string, Warehouse>()
  for (const record of stock) {
    const region = regions.get(record.warehouseId)
    if (region !== undefined && region !== record.region) {
      throw new InvalidArgumentError(
        `Warehouse ${record.warehouseId} is listed in regions ${region} and ${record.region}`,
      )
    }
    let warehouse = warehouses.get(record.warehouseId)
    if (warehouse === undefined) {
      const d = distance({ region: record.region, country: record.country }, shippingRegion)
      if (!Number.isFinite(d)) {
        throw new InvalidArgumentError(
          `Distance from ${record.region} to ${shippingRegion} is not a number: ${d}`,
        )
      }
      warehouse = { id: record.warehouseId, distance: d, stock: new Map() }
      warehouses.set(record.warehouseId, warehouse)
      regions.set(record.warehouseId, record.region)
    }
    if (warehouse.stock.has(record.sku)) {
      throw new InvalidArgumentError(`Warehouse ${record.warehouseId} lists ${record.sku} twice`)
    }
    warehouse.stock.set(
      record.sku,
      units(record.available, `Stock of ${record.sku} in ${record.warehouseId}`),
    )
  }
  return [...warehouses.values()]
}

/**
 * Decides which warehouses ship an order to `shippingRegion` (nearness by `regionDistance`, by
 * default the region itself, then its country, then its continent). If one warehouse holds every
 * line, the nearest such warehouse ships it all (then the one with most units of the ordered
 * SKUs, then the lowest id). Otherwise each line, in order, is filled from the nearest
 * warehouse holding its SKU, then the one with most of it, then the lowest id, moving on when
 * one runs out. When the warehouses together hold too little, nothing is allocated and the
 * shortages are returned, by SKU.
 */
export function allocateOrderToWarehouses(
  lines: readonly OrderLineDemand[],
  stock: readonly StockRecord[],
  shippingRegion: string,
  regionDistance: RegionDistance = nearestWarehouseFirst,
): AllocationResult {
  if (lines.length === 0)
    throw new InvalidArgumentError('An order needs at least one line to allocate')
  const demand = new Map<string, number>()
  for (const line of lines) {
    if (units(line.quantity, `Quantity of ${line.sku}`) === 0) {
      throw new InvalidArgumentError(`Quantity of ${line.sku} must be at least 1`)
    }
    demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity)
  }
  const warehouses = warehousesFrom(stock, shippingRegion, regionDistance)
  const held = (w: Warehouse, sku: string) => w.stock.get(sku) ?? 0

  const shortages: StockShortage[] = [...demand]
    .map(([sku, requested]) => {
      const available = warehouses.reduce((total, w) => total + held(w, sku), 0)
      return { sku, requested, available, short: requested - available }
    })
    .filter((s) => s.short > 0)
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
  if (shortages.length > 0) return { ok: false, error: new InsufficientStockError(shortages) }

  const orderedUnits = (w: Warehouse) =>
    [...demand.keys()].reduce((total, sku) => total + held(w, sku), 0)
  const [whole] = warehouses
    .filter((w) => [...demand].every(([sku, wanted]) => held(w, sku) >= wanted))
    .sort((a, b) => a.distance - b.distance || orderedUnits(b) - orderedUnits(a) || byId(a, b))
  if (whole !== undefined) {
    return {
      ok: true,
      singleWarehouse: true,
      warehouseIds: [whole.id],
      lines: lines.map((line, lineIndex) => ({
        lineIndex,
        sku: line.sku,
        quantity: line.quantity,
        sources: [{ warehouseId: whole.id, quantity: line.quantity }],
      })),
    }
  }

  const allocations = lines.map((line, lineIndex): LineAllocation => {
    const sources: { warehouseId: string; quantity: number }[] = []
    let needed = line.quantity
    const candidates = warehouses
      .filter((w) => held(w, line.sku) > 0)
      .sort(
        (a, b) => a.distance - b.distance || held(b, line.sku) - held(a, line.sku) || byId(a, b),
      )
    for (const warehouse of candidates) {
      if (needed === 0) break
      const take = Math.min(needed, held(warehouse, line.sku))
      warehouse.stock.set(line.sku, held(warehouse, line.sku) - take)
      sources.push({ warehouseId: warehouse.id, quantity: take })
      needed -= take
    }
    return { lineIndex, sku: line.sku, quantity: line.quantity, sources }
  })
  const used = new Set(allocations.flatMap((a) => a.sources.map((s) => s.warehouseId)))
  return {
    ok: true,
    singleWarehouse: used.size === 1,
    warehouseIds: [...used].sort(),
    lines: allocations,
  }
}
