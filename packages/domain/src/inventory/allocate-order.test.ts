import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InsufficientStockError, InvalidArgumentError } from '../errors'
import { allocateOrderToWarehouses, type StockRecord } from './allocate-order'

const stock: StockRecord[] = [
  { warehouseId: 'W-EU-1', region: 'EU', sku: 'A', available: 5 },
  { warehouseId: 'W-EU-2', region: 'EU', sku: 'A', available: 2 },
  { warehouseId: 'W-EU-2', region: 'EU', sku: 'B', available: 3 },
  { warehouseId: 'W-US-1', region: 'US', sku: 'A', available: 10 },
  { warehouseId: 'W-US-1', region: 'US', sku: 'B', available: 10 },
]
const sources = (result: ReturnType<typeof allocateOrderToWarehouses>) =>
  result.ok
    ? result.lines.map((l) => l.sources.map((s) => `${s.warehouseId}:${s.quantity}`))
    : result

describe('allocateOrderToWarehouses', () => {
  it('ships from the nearest warehouse that holds the whole order', () => {
    const result = allocateOrderToWarehouses(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ],
      stock,
      'EU',
    )
    expect(result).toEqual({
      ok: true,
      singleWarehouse: true,
      warehouseIds: ['W-EU-2'],
      lines: [
        { lineIndex: 0, sku: 'A', quantity: 2, sources: [{ warehouseId: 'W-EU-2', quantity: 2 }] },
        { lineIndex: 1, sku: 'B', quantity: 3, sources: [{ warehouseId: 'W-EU-2', quantity: 3 }] },
      ],
    })
  })

  it('prefers one farther warehouse over splitting between nearer ones', () => {
    const result = allocateOrderToWarehouses(
      [
        { sku: 'A', quantity: 4 },
        { sku: 'B', quantity: 3 },
      ],
      stock,
      'EU',
    )
    expect(sources(result)).toEqual([['W-US-1:4'], ['W-US-1:3']])
  })

  it('splits lines nearest first, then most stock, when no warehouse holds everything', () => {
    const result = allocateOrderToWarehouses(
      [
        { sku: 'A', quantity: 12 },
        { sku: 'B', quantity: 12 },
      ],
      stock,
      'EU',
    )
    expect(sources(result)).toEqual([
      ['W-EU-1:5', 'W-EU-2:2', 'W-US-1:5'],
      ['W-EU-2:3', 'W-US-1:9'],
    ])
    expect(result).toMatchObject({
      singleWarehouse: false,
      warehouseIds: ['W-EU-1', 'W-EU-2', 'W-US-1'],
    })
  })

  it('breaks ties by stock, then by warehouse id', () => {
    const twins: StockRecord[] = [
      { warehouseId: 'W-B', region: 'EU', sku: 'A', available: 4 },
      { warehouseId: 'W-A', region: 'EU', sku: 'A', available: 4 },
      { warehouseId: 'W-C', region: 'EU', sku: 'A', available: 6 },
    ]
    expect(sources(allocateOrderToWarehouses([{ sku: 'A', quantity: 1 }], twins, 'EU'))).toEqual([
      ['W-C:1'],
    ])
    expect(
      sources(allocateOrderToWarehouses([{ sku: 'A', quantity: 1 }], twins.slice(0, 2), 'EU')),
    ).toEqual([['W-A:1']])
    expect(sources(allocateOrderToWarehouses([{ sku: 'A', quantity: 12 }], twins, 'EU'))).toEqual([
      ['W-C:6', 'W-A:4', 'W-B:2'],
    ])
  })

  it('uses the given region distance', () => {
    const regional: StockRecord[] = [
      { warehouseId: 'EAST', region: 'us-east', sku: 'A', available: 50 },
      { warehouseId: 'CENTRAL', region: 'us-central', sku: 'A', available: 5 },
    ]
    const miles: Record<string, number> = { 'us-east': 2400, 'us-central': 1100 }
    const distance = (from: { region: string }) => miles[from.region] ?? Infinity
    expect(
      sources(
        allocateOrderToWarehouses([{ sku: 'A', quantity: 5 }], regional, 'us-west', distance),
      ),
    ).toEqual([['CENTRAL:5']])
  })

  it('names each short SKU and by how much, counting repeated SKUs together', () => {
    const result = allocateOrderToWarehouses(
      [
        { sku: 'C', quantity: 1 },
        { sku: 'A', quantity: 9 },
        { sku: 'A', quantity: 9 },
        { sku: 'B', quantity: 1 },
      ],
      stock,
      'EU',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(InsufficientStockError)
    expect(result.error.shortages).toEqual([
      { sku: 'A', requested: 18, available: 17, short: 1 },
      { sku: 'C', requested: 1, available: 0, short: 1 },
    ])
    expect(result.error.message).toBe(
      'Not enough stock for A: 18 wanted, 17 available (1 short); C: 1 wanted, 0 available (1 short)',
    )
  })

  it('throws on malformed input', () => {
    expect(() => allocateOrderToWarehouses([], stock, 'EU')).toThrow(InvalidArgumentError)
    expect(() => allocateOrderToWarehouses([{ sku: 'A', quantity: 0 }], stock, 'EU')).toThrow(
      InvalidArgumentError,
    )
    expect(() =>
      allocateOrderToWarehouses([{ sku: 'A', quantity: 1 }], [...stock, stock[0]!], 'EU'),
    ).toThrow('Warehouse W-EU-1 lists A twice')
  })

  it('allocates exactly what each line asks, within stock, whatever the record order', () => {
    const recordArb = fc.record({
      warehouseId: fc.constantFrom('W1', 'W2', 'W3', 'W4'),
      sku: fc.constantFrom('A', 'B', 'C'),
      available: fc.integer({ min: 0, max: 8 }),
    })
    const stockArb = fc
      .uniqueArray(recordArb, { selector: (r) => `${r.warehouseId}/${r.sku}` })
      .map((rs) =>
        rs.map((r) => ({
          ...r,
          region: r.warehouseId === 'W1' || r.warehouseId === 'W3' ? 'EU' : 'US',
        })),
      )
    const linesArb = fc.array(
      fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 1, max: 10 }) }),
      { minLength: 1, maxLength: 4 },
    )
    fc.assert(
      fc.property(stockArb, linesArb, (records, lines) => {
        const result = allocateOrderToWarehouses(lines, records, 'EU')
        const total = (sku: string) =>
          records.filter((r) => r.sku === sku).reduce((a, r) => a + r.available, 0)
        const wanted = (sku: string) =>
          lines.filter((l) => l.sku === sku).reduce((a, l) => a + l.quantity, 0)
        expect(result.ok).toBe(['A', 'B', 'C'].every((sku) => wanted(sku) <= total(sku)))
        expect(allocateOrderToWarehouses(lines, [...records].reverse(), 'EU')).toEqual(result)
        if (!result.ok) return
        for (const line of result.lines) {
          expect(line.sources.reduce((a, s) => a + s.quantity, 0)).toBe(line.quantity)
        }
        for (const r of records) {
          const shipped = result.lines
            .filter((l) => l.sku === r.sku)
            .flatMap((l) => l.sources.filter((s) => s.warehouseId === r.warehouseId))
            .reduce((a, s) => a + s.quantity, 0)
          expect(shipped).toBeLessThanOrEqual(r.available)
        }
      }),
    )
  })
})
