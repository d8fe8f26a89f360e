import { describe, expect, it } from 'vitest'
import { allocateOrderToWarehouses, type StockRecord } from './allocate-order'
import { nearestWarehouseFirst } from './region-distance'

describe('nearestWarehouseFirst', () => {
  it('ranks the region itself, then its country, then its continent, then the rest', () => {
    const ny = { region: 'US-NY', country: 'US' }
    const east = { region: 'us-east', country: 'US' }
    const leipzig = { region: 'eu-central', country: 'DE' }
    expect(nearestWarehouseFirst(ny, 'us-ny')).toBe(0)
    expect(nearestWarehouseFirst(east, 'US-NY')).toBe(1)
    expect(nearestWarehouseFirst(leipzig, 'DE')).toBe(1)
    expect(nearestWarehouseFirst(leipzig, 'FR')).toBe(2)
    expect(nearestWarehouseFirst(east, 'CA-ON')).toBe(2)
    expect(nearestWarehouseFirst(east, 'GB')).toBe(3)
    expect(nearestWarehouseFirst(leipzig, 'JP')).toBe(3)
  })

  it('reads the country from a region written as a code, and knows nothing of other labels', () => {
    expect(nearestWarehouseFirst({ region: 'US-CA' }, 'US-NY')).toBe(1)
    expect(nearestWarehouseFirst({ region: 'north' }, 'US-NY')).toBe(3)
    expect(nearestWarehouseFirst({ region: 'EU' }, 'EU')).toBe(0)
  })
})

describe('allocation with the default distance', () => {
  // Like the demo warehouses: regions are labels, countries tell where they are.
  const stock: StockRecord[] = [
    { warehouseId: 'US-EAST-1', region: 'us-east', country: 'US', sku: 'A', available: 20 },
    { warehouseId: 'EU-CENTRAL-1', region: 'eu-central', country: 'DE', sku: 'A', available: 4 },
  ]
  const sources = (shippingRegion: string, quantity: number) => {
    const result = allocateOrderToWarehouses([{ sku: 'A', quantity }], stock, shippingRegion)
    return result.ok ? result.lines.flatMap((l) => l.sources) : result
  }

  it('ships to a European country from the European warehouse first, to the US from the US one', () => {
    expect(sources('FR', 3)).toEqual([{ warehouseId: 'EU-CENTRAL-1', quantity: 3 }])
    expect(sources('FR', 6)).toEqual([{ warehouseId: 'US-EAST-1', quantity: 6 }])
    expect(sources('US-NY', 3)).toEqual([{ warehouseId: 'US-EAST-1', quantity: 3 }])
  })
})
